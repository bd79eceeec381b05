using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// The default provider, so <c>dotnet run</c> works with no account: it makes its own 6-digit code (CSPRNG),
/// stores a keyed hash and a sealed copy with a 10-minute expiry and 5 tries, and "sends" it to the dev outbox.
/// Like Twilio Verify, a second send to the same number while its code is in flight re-sends the same code (so
/// nobody's send voids another's, and tries are not renewed by sending again), and an approved code is gone.
/// </summary>
public sealed class LocalSmsVerifier(
    IStringLocalizer<SharedResource> T,
    AppDbContext db,
    SmsCodeHasher hasher,
    DevOutbox outbox,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<LocalSmsVerifier> logger) : ISmsVerifier
{
    private const int MaxFailedChecks = 5;

    public async Task<SmsVerifierResult> StartAsync(string phoneNumber, SmsChannel channel, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        // Read and replaced in one commit (under the write lock), so two parallel sends to one number agree on one code.
        var code = await db.InOneCommitAsync(async () =>
        {
            var inFlight = await db.Set<LocalSmsCode>().AsNoTracking()
                .Where(c => c.PhoneNumber == phoneNumber && c.ExpiresAt > now.UtcDateTime && c.FailedChecks < MaxFailedChecks)
                .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            if (inFlight is not null && hasher.Unseal(phoneNumber, inFlight.SealedCode) is { } same)
            {
                return same;
            }
            var fresh = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            await db.Set<LocalSmsCode>().Where(c => c.PhoneNumber == phoneNumber).ExecuteDeleteAsync(cancellationToken);
            db.Set<LocalSmsCode>().Add(new LocalSmsCode
            {
                PhoneNumber = phoneNumber,
                CodeHash = hasher.Hash(phoneNumber, fresh),
                SealedCode = hasher.Seal(phoneNumber, fresh),
                CreatedAt = now.UtcDateTime,
                ExpiresAt = now.Add(SmsOptions.CodeLifetime).UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
            return fresh;
        });
        var body = channel == SmsChannel.Call
            ? T["(voice call) Your TwoFactorDemo code is {0}.", string.Join(' ', code.ToCharArray())]
            : T["Your TwoFactorDemo code is {0}. It expires in 10 minutes. Don't share it.", code];
        outbox.Add(new DevOutboxMessage(now, phoneNumber, channel, body));
        if (environment.IsDevelopment())
        {
            logger.LogInformation("Dev outbox: {Channel} to {PhoneNumber}: {Body}", channel, phoneNumber, body);
        }
        return SmsVerifierResult.Sent();
    }

    public async Task<SmsVerifierResult> CheckAsync(string phoneNumber, string code, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The try is counted before the code is compared, in one conditional UPDATE: parallel guesses at one code get
        // at most five comparisons between them.
        var counted = await db.Set<LocalSmsCode>()
            .Where(c => c.PhoneNumber == phoneNumber && c.ExpiresAt > now && c.FailedChecks < MaxFailedChecks)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedChecks, c => c.FailedChecks + 1), cancellationToken);
        var pending = await db.Set<LocalSmsCode>().AsNoTracking().FirstOrDefaultAsync(c => c.PhoneNumber == phoneNumber, cancellationToken);
        if (pending is null || pending.ExpiresAt <= now)
        {
            return SmsVerifierResult.Expired();
        }
        if (counted == 0)
        {
            return SmsVerifierResult.TooManyChecks();
        }
        if (hasher.Matches(pending.CodeHash, phoneNumber, code))
        {
            // Spent once: only the request that deletes the row wins.
            var deleted = await db.Set<LocalSmsCode>().Where(c => c.Id == pending.Id).ExecuteDeleteAsync(cancellationToken);
            return deleted == 1 ? SmsVerifierResult.Approved() : SmsVerifierResult.Expired();
        }
        return pending.FailedChecks >= MaxFailedChecks ? SmsVerifierResult.TooManyChecks() : SmsVerifierResult.WrongCode();
    }
}
