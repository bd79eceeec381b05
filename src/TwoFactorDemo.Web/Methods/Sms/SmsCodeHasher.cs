using System.Security.Cryptography;
using System.Text;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// Keyed hashes of short codes. A plain SHA-256 of a 6-digit code falls to a million guesses, so the hash is
/// an HMAC under a key that lives only in this process: a copy of the database reveals nothing, and a restart
/// simply voids the codes in flight (they live 10 minutes anyway).
/// </summary>
public sealed class SmsCodeHasher
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Hash(string phoneNumber, string code) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{phoneNumber}:{code}")));

    public bool Matches(string storedHash, string phoneNumber, string code) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(storedHash), Convert.FromHexString(Hash(phoneNumber, code)));
}
