namespace TwoFactorDemo.Web.Methods;

/// <summary>
/// What a method made of a proof: accepted, refused with the sentence the user sees, or not checked at all (the service
/// that checks it could not be reached: no guess was tried, so the attempt is not counted against the user).
/// </summary>
public sealed record ProofCheck(bool Proved, string Message, bool NotChecked = false)
{
    public static readonly ProofCheck Accepted = new(true, "");

    public static ProofCheck Refused(string message) => new(false, message);

    public static ProofCheck Unchecked(string message) => new(false, message, NotChecked: true);
}
