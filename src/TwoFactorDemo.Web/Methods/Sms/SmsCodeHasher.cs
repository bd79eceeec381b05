using System.Security.Cryptography;
using System.Text;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// Keyed hashes of short codes, and sealed copies of them. A plain SHA-256 of a 6-digit code falls to a million
/// guesses, so the hash is an HMAC under a key that lives only in this process; the sealed copy (AES-GCM under a
/// second such key, bound to the number) lets a second send re-send the same code, as Twilio Verify does. A copy of
/// the database reveals nothing, and a restart simply voids the codes in flight (they live 10 minutes anyway).
/// </summary>
public sealed class SmsCodeHasher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _sealKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The code encrypted for this process only (nonce, tag and ciphertext, hex).</summary>
    public string Seal(string phoneNumber, string code)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var plain = Encoding.UTF8.GetBytes(code);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using var aes = new AesGcm(_sealKey, TagSize);
        aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(phoneNumber));
        return Convert.ToHexString([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The sealed code, or null when it was sealed by another process (a restart) or for another number.</summary>
    public string? Unseal(string phoneNumber, string sealedCode)
    {
        try
        {
            var bytes = Convert.FromHexString(sealedCode);
            var plain = new byte[bytes.Length - NonceSize - TagSize];
            using var aes = new AesGcm(_sealKey, TagSize);
            aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(phoneNumber));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    public string Hash(string phoneNumber, string code) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{phoneNumber}:{code}")));

    public bool Matches(string storedHash, string phoneNumber, string code) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(storedHash), Convert.FromHexString(Hash(phoneNumber, code)));
}
