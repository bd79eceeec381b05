namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>What the set-up page shows: the key grouped in fours, the otpauth URI and its QR code.</summary>
public sealed record TotpSetup(string FormattedKey, string OtpauthUri, string QrCodeDataUri);
