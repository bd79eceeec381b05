using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>A self-signed certificate (.pfx) made once per test run, for apps started outside Development, whose keys must be encrypted at rest.</summary>
public static class TestCertificate
{
    public const string Password = "test-certificate-password";

    private static readonly Lazy<string> File = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=TwoFactorDemo tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tfd-test-{Guid.NewGuid():N}.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    });

    public static string Path => File.Value;
}
