namespace TwoFactorDemo.Web.Methods;

/// <summary>What a method made of a proof: accepted, or refused with the sentence the user sees.</summary>
public sealed record ProofCheck(bool Proved, string Message)
{
    public static readonly ProofCheck Accepted = new(true, "");

    public static ProofCheck Refused(string message) => new(false, message);
}
