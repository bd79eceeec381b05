using QRCoder;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>Renders a QR code server-side as a PNG data URI: no CDN, no script.</summary>
public static class TotpQrCode
{
    public static string ToPngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
