namespace TwoFactorDemo.Web.Methods;

/// <summary>Normalizes what people type: spaces and dashes are dropped, letters upper-cased.</summary>
public static class VerificationCode
{
    public static string Normalize(string? input) =>
        string.Concat((input ?? "").Where(c => c is not (' ' or '-' or '\t'))).ToUpperInvariant();

    /// <summary>True for exactly <paramref name="digits"/> ASCII digits.</summary>
    public static bool IsDigits(string code, int digits) => code.Length == digits && code.All(char.IsAsciiDigit);
}
