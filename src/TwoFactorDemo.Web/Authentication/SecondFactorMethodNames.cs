namespace TwoFactorDemo.Web.Authentication;

/// <summary>Values of the <c>tfd:2fa</c> claim; each (but <see cref="Remembered"/>) is also a token provider name.</summary>
public static class SecondFactorMethodNames
{
    public const string Totp = "totp";
    public const string Sms = "sms";
    public const string Email = "email";
    public const string Typing = "typing";
    public const string Recovery = "recovery";
    public const string Remembered = "remembered";
}
