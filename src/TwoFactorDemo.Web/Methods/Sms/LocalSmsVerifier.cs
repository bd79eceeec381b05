using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// The default provider, so <c>dotnet run</c> works with no account: it makes its own 6-digit code (CSPRNG),
/// stores only a keyed hash with a 10-minute expiry and 5 tries, and "sends" it to the dev outbox. Like
/// Twilio, a new send replaces the code in flight and an approved code is gone.
/// </summary>
public sealed class LocalSmsVerifier(
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
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow();
        await db.Set<LocalSmsCode>().Where(c => c.PhoneNumber == phoneNumber).ExecuteDeleteAsync(cancellationToken);
        db.Set<LocalSmsCode>().Add(new LocalSmsCode
        {
            PhoneNumber = phoneNumber,
            CodeHash = hasher.Hash(phoneNumber, code),
            CreatedAt = now.UtcDateTime,
            ExpiresAt = now.Add(SmsOptions.CodeLifetime).UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        var body = channel == SmsChannel.Call
            ? $"(voice call) Your TwoFactorDemo code is {string.Join(' ', code.ToCharArray())}."
            : $"Your TwoFactorDemo code is {code}. It expires in 10 minutes. Don't share it.";
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
