using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>An independent RFC 6238 implementation (HMAC-SHA1, 30 s) the tests use to compute codes like a phone would.</summary>
public static class Rfc6238
{
    public static string Code(byte[] key, long unixSeconds, int digits = 6)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, unixSeconds / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return binary.ToString().PadLeft(digits, '0');
    }

    public static string Code(byte[] key, DateTimeOffset at, int digits = 6) => Code(key, at.ToUnixTimeSeconds(), digits);

    /// <summary>Decodes the key as shown in <c>#totp-secret</c> (base32, grouped with spaces).</summary>
    public static byte[] KeyFromBase32(string shown)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = shown.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return bytes.ToArray();
    }
}
