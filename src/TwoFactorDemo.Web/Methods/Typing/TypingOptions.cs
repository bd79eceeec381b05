namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// The <c>TwoFactor:Typing</c> section. The thresholds are set by the evaluation console on real keystroke data for a
/// false-match rate of at most 1 % per attempt in the login setting (README, "Typing rhythm"); change them only with it.
/// </summary>
public class TypingOptions
{
    public const string Section = "TwoFactor:Typing";

    /// <summary>The fixed phrase people type (shown on the page).</summary>
    public string Phrase { get; set; } = "I am authenticated by the way I type";

    /// <summary>Score at or below which a sample is accepted, when other people's samples are there to compare with.</summary>
    public double Threshold { get; set; } = 0.68;

    /// <summary>Score at or below which a sample is accepted while fewer than <see cref="MinBackgroundPeople"/> people are enrolled.</summary>
    public double OwnerOnlyThreshold { get; set; } = 1.1;

    /// <summary>Samples needed to enrol.</summary>
    public int EnrolmentSamples { get; set; } = 5;

    /// <summary>How many recent samples the profile keeps (a moving window that follows slow drift).</summary>
    public int ProfileWindow { get; set; } = 10;

    /// <summary>An accepted sample joins the profile only at or below this share of the threshold (no profile poisoning).</summary>
    public double JoinMargin { get; set; } = 0.75;

    /// <summary>How many of the nearest other people's samples a sample is compared with.</summary>
    public int BackgroundNearest { get; set; } = 20;

    /// <summary>
    /// Fewer other enrolled people than this, and the owner-only score is used: the two-class threshold was calibrated with
    /// 26 people in the background; with 20 the same threshold let 1.3 % of impostor attempts in.
    /// </summary>
    public int MinBackgroundPeople { get; set; } = 26;

    /// <summary>How many other people's profiles (the most recently enrolled) are read for the background.</summary>
    public int BackgroundPeopleRead { get; set; } = 100;
}
