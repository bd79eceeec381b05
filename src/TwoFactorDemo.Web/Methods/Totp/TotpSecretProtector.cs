using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace TwoFactorDemo.Web.Methods.Totp;

/// <summary>Encrypts authenticator secrets at rest with Data Protection.</summary>
public sealed class TotpSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("TwoFactorDemo.Totp.Secret.v1");

    public string Protect(byte[] key) => _protector.Protect(Base32Encoding.ToString(key));

    public byte[] Unprotect(string stored) => Base32Encoding.ToBytes(_protector.Unprotect(stored));
}
