namespace TwoFactorDemo.TypingEval;

/// <summary>
/// How samples are used. The login setting (<see cref="Login"/> true): enrol on the first <see cref="Enrol"/> reps through
/// the app's enrolment rule, then each later rep is a sign-in whose accepted samples join the profile by the app's rule;
/// impostors are other subjects' reps after their own enrolment reps, tried against the profile as it stands every ten
/// sign-ins. The static setting of Killourhy &amp; Maxion (2009): train on the first <see cref="Enrol"/> reps, no updates.
/// The background population is the other subjects' enrolment reps, never the impostor's own.
/// </summary>
public sealed record Protocol(bool Login, int Enrol, int? Test, int ImpostorReps, bool Background, int? BackgroundPeople, KeySet Keys)
{
    public const int CheckpointEvery = 10;
}
