using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>
/// A WebAuthn authenticator in software, so Identity's real verification runs in the tests: ECDSA P-256 keys (ES256),
/// real authenticator data (RP ID hash, flags, sign counter, attested credential data with a COSE key), real client
/// data JSON, a DER signature over authenticatorData ‖ SHA-256(clientDataJSON), attestation "none". Credentials are
/// discoverable (the user handle comes back in every assertion). Each field a test may want to get wrong is a setting.
/// </summary>
public sealed class SoftwareAuthenticator
{
    private const byte UserPresent = 0x01;
    private const byte UserVerifiedFlag = 0x04;
    private const byte AttestedData = 0x40;
    private static readonly string[] InternalTransport = ["internal"];

    public string Origin { get; set; } = "https://localhost";
    public string RpId { get; set; } = "localhost";

    /// <summary>Whether the authenticator verifies the person (PIN, biometric): the UV flag.</summary>
    public bool UserVerification { get; set; } = true;

    public List<StoredCredential> Credentials { get; } = [];

    public sealed class StoredCredential(byte[] id, ECDsa key, string userHandle)
    {
        public byte[] Id { get; } = id;
        public ECDsa Key { get; } = key;
        public string UserHandle { get; } = userHandle;
        public uint Counter { get; set; }
    }

    /// <summary>Answers <c>navigator.credentials.create()</c> options with a new credential (kept for later assertions).</summary>
    public string Create(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var challenge = options["challenge"]!.GetValue<string>();
        var credential = AddCredential(options["user"]!["id"]!.GetValue<string>(), out var coseKey);
        byte[] authenticatorData =
        [
            .. SHA256.HashData(Encoding.UTF8.GetBytes(RpId)),
            (byte)(UserPresent | (UserVerification ? UserVerifiedFlag : 0) | AttestedData),
            .. BigEndian(credential.Counter),
            .. new byte[16], // AAGUID: none
            (byte)(credential.Id.Length >> 8), (byte)credential.Id.Length,
            .. credential.Id,
            .. coseKey,
        ];
        var attestationObject = Cbor.Map(
            (Cbor.Text("fmt"), Cbor.Text("none")), (Cbor.Text("attStmt"), Cbor.Map()), (Cbor.Text("authData"), Cbor.Bytes(authenticatorData)));
        return JsonSerializer.Serialize(new
        {
            id = B64(credential.Id),
            rawId = B64(credential.Id),
            type = "public-key",
            authenticatorAttachment = "platform",
            clientExtensionResults = new { },
            response = new
            {
                clientDataJSON = B64(ClientData("webauthn.create", challenge)),
                attestationObject = B64(attestationObject),
                transports = InternalTransport,
            },
        });
    }

    /// <summary>
    /// A new key pair for the user whose handle (base64url) is <paramref name="userHandle"/>; <paramref name="coseKey"/> is
    /// its public key as the server stores it (COSE, ES256). The load benchmark seeds its users' passkeys with this.
    /// </summary>
    public StoredCredential AddCredential(string userHandle, out byte[] coseKey)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var credential = new StoredCredential(RandomNumberGenerator.GetBytes(32), key, userHandle);
        var parameters = key.ExportParameters(false);
        coseKey = Cbor.Map(
            (Cbor.Int(1), Cbor.Int(2)), (Cbor.Int(3), Cbor.Int(-7)), (Cbor.Int(-1), Cbor.Int(1)),
            (Cbor.Int(-2), Cbor.Bytes(parameters.Q.X!)), (Cbor.Int(-3), Cbor.Bytes(parameters.Q.Y!)));
        lock (Credentials)
        {
            Credentials.Add(credential);
        }
        return credential;
    }

    /// <summary>
    /// Answers <c>navigator.credentials.get()</c> options with <paramref name="credential"/> (default: the first one the
    /// options allow, or the first held). The counter goes up by one unless <paramref name="counter"/> says otherwise.
    /// </summary>
    public string Get(string optionsJson, StoredCredential? credential = null, uint? counter = null)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var challenge = options["challenge"]!.GetValue<string>();
        var allowed = options["allowCredentials"]?.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList() ?? [];
        credential ??= Credentials.FirstOrDefault(c => allowed.Count == 0 || allowed.Contains(B64(c.Id)))
            ?? throw new InvalidOperationException("This authenticator holds none of the allowed credentials.");
        credential.Counter = counter ?? credential.Counter + 1;
        byte[] authenticatorData =
        [
            .. SHA256.HashData(Encoding.UTF8.GetBytes(RpId)),
            (byte)(UserPresent | (UserVerification ? UserVerifiedFlag : 0)),
            .. BigEndian(credential.Counter),
        ];
        var clientData = ClientData("webauthn.get", challenge);
        var signature = credential.Key.SignData([.. authenticatorData, .. SHA256.HashData(clientData)],
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = B64(credential.Id),
            rawId = B64(credential.Id),
            type = "public-key",
            authenticatorAttachment = "platform",
            clientExtensionResults = new { },
            response = new
            {
                clientDataJSON = B64(clientData),
                authenticatorData = B64(authenticatorData),
                signature = B64(signature),
                userHandle = credential.UserHandle,
            },
        });
    }

    private byte[] ClientData(string type, string challenge) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type, challenge, origin = Origin, crossOrigin = false });

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static string B64(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    /// <summary>The little CBOR (RFC 8949) the attestation needs: small integers, byte and text strings, maps.</summary>
    private static class Cbor
    {
        public static byte[] Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

        public static byte[] Bytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];

        public static byte[] Text(string value) => Encoding.UTF8.GetBytes(value) is var utf8 ? [.. Head(3, (ulong)utf8.Length), .. utf8] : [];

        public static byte[] Map(params (byte[] Key, byte[] Value)[] entries) =>
            [.. Head(5, (ulong)entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];

        private static byte[] Head(int major, ulong value) => value switch
        {
            < 24 => [(byte)((major << 5) | (int)value)],
            <= byte.MaxValue => [(byte)((major << 5) | 24), (byte)value],
            <= ushort.MaxValue => [(byte)((major << 5) | 25), (byte)(value >> 8), (byte)value],
            _ => [(byte)((major << 5) | 26), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value],
        };
    }
}
