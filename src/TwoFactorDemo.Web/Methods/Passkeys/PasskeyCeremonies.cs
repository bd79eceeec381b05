using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// The WebAuthn ceremonies on top of Identity's <see cref="IPasskeyHandler{TUser}"/> (not <c>SignInManager</c>'s passkey
/// methods, which keep the state in Identity's two-factor cookie and sign a passkey user straight in, past the second
/// factor). Identity's state travels in a Data-Protected, <c>SameSite=Strict</c> cookie with its purpose, its expiry
/// (the authenticator timeout) and, when one is signed in, the session it belongs to; asking for options writes
/// nothing, and the answer spends it once (<see cref="PasskeyCeremony"/>) in the same commit as what it proves.
/// </summary>
public sealed class PasskeyCeremonies(
    IStringLocalizer<SharedResource> T,
    IPasskeyHandler<ApplicationUser> handler,
    UserManager<ApplicationUser> users,
    AppDbContext db,
    IHttpContextAccessor http,
    IOptions<IdentityPasskeyOptions> passkeyOptions,
    TimeProvider clock,
    IDataProtectionProvider dataProtection,
    SecurityEventLog audit)
{
    public const string Register = "register";
    public const string SecondFactor = "2fa";
    public const string Passwordless = "signin";
    public const int MaxCredentialJsonLength = 64 * 1024;
    private const string CookieName = "tfd.passkey";

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("A passkey ceremony needs a request.");

    /// <summary>Options for <c>navigator.credentials.create()</c>: a new passkey for <paramref name="user"/>.</summary>
    public async Task<string> BeginRegistrationAsync(ApplicationUser user)
    {
        var entity = new PasskeyUserEntity { Id = user.Id, Name = user.Email ?? user.Id, DisplayName = user.Email ?? user.Id };
        var options = await handler.MakeCreationOptionsAsync(entity, Http);
        await RememberAsync(Register, options.AttestationState!, boundToSession: true);
        return options.CreationOptionsJson;
    }

    /// <summary>Checks the browser's answer to <see cref="BeginRegistrationAsync"/> and stores the new passkey, named.</summary>
    public async Task<PasskeyOutcome> CompleteRegistrationAsync(ApplicationUser user, string? credentialJson, string? name)
    {
        if (await SpendAsync(Register, credentialJson) is not { } state)
        {
            return PasskeyOutcome.Failed(PasskeyFailures.Expired, T["The request to add a passkey expired. Press the button again."]);
        }
        var result = await handler.PerformAttestationAsync(new PasskeyAttestationContext { HttpContext = Http, CredentialJson = credentialJson!, AttestationState = state });
        if (!result.Succeeded || result.UserEntity.Id != user.Id)
        {
            var (reason, message) = PasskeyFailures.Explain(result.Failure);
            return PasskeyOutcome.Failed(reason, T[message], user);
        }
        var passkey = result.Passkey;
        passkey.Name = PasskeyNames.Clean(name) ?? PasskeyNames.Default(passkey, Http.Request.Headers.UserAgent.ToString(), T);
        if (await users.GetPasskeyAsync(user, passkey.CredentialId) is not null)
        {
            return PasskeyOutcome.Failed("already added", T["That passkey is already on your account."], user);
        }
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        return new PasskeyOutcome(true, T["Your passkey “{0}” is added.", passkey.Name!], user, passkey);
    }

    /// <summary>
    /// Options for <c>navigator.credentials.get()</c>: for <paramref name="user"/>'s passkeys only (second factor, step-up),
    /// or, with no user, for any discoverable passkey of this site (passwordless sign-in).
    /// </summary>
    public async Task<string> BeginAssertionAsync(ApplicationUser? user)
    {
        var options = await handler.MakeRequestOptionsAsync(user, Http);
        await RememberAsync(user is null ? Passwordless : SecondFactor, options.AssertionState!, boundToSession: user is not null);
        return options.RequestOptionsJson;
    }

    /// <summary>
    /// Checks the browser's answer to <see cref="BeginAssertionAsync"/>: Identity verifies the origin, the RP ID hash, the
    /// signature with the stored key, the credential's owner and the sign counter; the new counter is stored.
    /// </summary>
    public async Task<PasskeyOutcome> CompleteAssertionAsync(ApplicationUser? user, string? credentialJson)
    {
        var purpose = user is null ? Passwordless : SecondFactor;
        if (await SpendAsync(purpose, credentialJson) is not { } state)
        {
            return PasskeyOutcome.Failed(PasskeyFailures.Expired, T["The passkey request expired. Press the button again."], user);
        }
        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext { HttpContext = Http, CredentialJson = credentialJson!, AssertionState = state });
        if (!result.Succeeded)
        {
            var (reason, message) = PasskeyFailures.Explain(result.Failure);
            return PasskeyOutcome.Failed(reason, T[message], user);
        }
        await StoreCounterAsync(result.User, result.Passkey);
        await audit.WriteAsync(SecurityEventKinds.PasskeyUsed, result.User.Id, PasskeyNames.Tag(result.Passkey.CredentialId));
        return new PasskeyOutcome(true, "", result.User, result.Passkey);
    }

    /// <summary>The user a passwordless answer claims to be (its user handle), before anything is verified: to count the attempt.</summary>
    public async Task<ApplicationUser?> ClaimedUserAsync(string? credentialJson) =>
        PasskeyCredentialJson.UserHandle(credentialJson) is { } userId ? await users.FindByIdAsync(userId) : null;

    /// <summary>The sign counter and backup state move with every use: one targeted write of the passkey row.</summary>
    private async Task StoreCounterAsync(ApplicationUser user, UserPasskeyInfo passkey)
    {
        var stored = await db.Set<IdentityUserPasskey<string>>().SingleAsync(p => p.UserId == user.Id && p.CredentialId == passkey.CredentialId);
        stored.Data.SignCount = passkey.SignCount;
        stored.Data.IsBackedUp = passkey.IsBackedUp;
        await db.SaveChangesAsync();
    }

    private Task RememberAsync(string purpose, string state, bool boundToSession)
    {
        var sessionKey = boundToSession ? Http.User.StoredSessionKey() ?? throw new InvalidOperationException("No session.") : null;
        var expires = clock.GetUtcNow().UtcDateTime.Add(passkeyOptions.Value.AuthenticatorTimeout);
        var ticket = new PasskeyCeremonyTicket(SecretTokens.New(), purpose, sessionKey, state, expires);
        Http.Response.Cookies.Append(CookieName, Protector.Protect(JsonSerializer.Serialize(ticket)), new CookieOptions
        {
            HttpOnly = true,
            Secure = Http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            IsEssential = true,
            MaxAge = passkeyOptions.Value.AuthenticatorTimeout,
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// This browser's ceremony for <paramref name="purpose"/>, spent: null when there is none, it is for something else
    /// or another session, it expired, the answer is too large to be one, or it was spent already. Spending inserts its
    /// token's hash under a unique index (conflicts do nothing), in the caller's commit: of two requests with the same
    /// ceremony only one gets the state. Expired rows are deleted in the same commit.
    /// </summary>
    private async Task<string?> SpendAsync(string purpose, string? credentialJson)
    {
        var cookie = Http.Request.Cookies[CookieName];
        Http.Response.Cookies.Delete(CookieName);
        if (string.IsNullOrEmpty(cookie) || string.IsNullOrEmpty(credentialJson) || credentialJson.Length > MaxCredentialJsonLength
            || Read(cookie) is not { } ticket)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (ticket.Purpose != purpose || ticket.ExpiresAt <= now || ticket.SessionKey != (purpose == Passwordless ? null : Http.User.StoredSessionKey()))
        {
            return null;
        }
        return await db.InOneCommitAsync(async () =>
        {
            await db.Set<PasskeyCeremony>().Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync();
            var spent = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "PasskeyCeremonies" ("TokenHash", "ExpiresAt") VALUES ({SecretTokens.Hash(ticket.Token)}, {ticket.ExpiresAt})
                ON CONFLICT ("TokenHash") DO NOTHING
                """);
            return spent == 1 ? ticket.State : null;
        });
    }

    private PasskeyCeremonyTicket? Read(string cookie)
    {
        try
        {
            return JsonSerializer.Deserialize<PasskeyCeremonyTicket>(Protector.Unprotect(cookie));
        }
        catch (Exception error) when (error is System.Security.Cryptography.CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private IDataProtector Protector => dataProtection.CreateProtector("TwoFactorDemo.Passkeys.Ceremony");
}
