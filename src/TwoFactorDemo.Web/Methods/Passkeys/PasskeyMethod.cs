using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Methods.Passkeys;

/// <summary>
/// Passkeys (WebAuthn), offered first: the browser binds the answer to this site's origin, so a proxy on another
/// address cannot relay it (phishing-resistant). The proof is the browser's assertion JSON for this session's challenge.
/// </summary>
public sealed class PasskeyMethod(IStringLocalizer<SharedResource> T, PasskeyCeremonies ceremonies, UserManager<ApplicationUser> users, AppDbContext db, SecurityEventLog audit) : ISecondFactorMethod
{
    public const string MethodName = "passkey";

    public string Name => MethodName;
    public string DisplayName => T["Passkey"];

    public string VerifiedPhrase => T["Verified with a passkey"];
    public string Description => T["Use the passkey on this device, your phone or a security key (fingerprint, face or PIN)."];
    public int Order => 5;
    public bool EnrolmentOnUserRow => false;
    public bool IsPrimary => true;
    public bool IsPhishingResistant => true;
    public bool CountsForStepUp => true;
    public bool ChecksProofLocally => true;
    public string ChallengePath => "/TwoFactor/Passkey";
    public string SetupPath => "/Security/Passkeys";
    public string DisabledEventKind => SecurityEventKinds.PasskeysDisabled;
    public string FormatMessage => T["Use the button to answer with your passkey."];
    public Expression<Func<ApplicationUser, bool>> EnrolledFilter => u => db.Set<IdentityUserPasskey<string>>().Any(p => p.UserId == u.Id);

    public bool IsWellFormed(string normalizedProof) => normalizedProof.Length is > 0 and <= PasskeyCeremonies.MaxCredentialJsonLength;

    public Task<bool> IsEnrolledAsync(ApplicationUser user) => db.Set<IdentityUserPasskey<string>>().AnyAsync(p => p.UserId == user.Id);

    public Task<bool> IsAvailableAsync(ApplicationUser user) => IsEnrolledAsync(user);

    public async Task<ProofCheck> CheckAsync(ApplicationUser user, string proof)
    {
        var outcome = await ceremonies.CompleteAssertionAsync(user, proof);
        if (outcome.Succeeded)
        {
            return ProofCheck.Accepted;
        }
        await audit.WriteAsync(SecurityEventKinds.PasskeyFailed, user.Id, outcome.Reason);
        return ProofCheck.Refused(outcome.Message);
    }

    /// <summary>"2 passkeys: Work laptop, Phone" (their names, for the user and the admin's user page).</summary>
    public async Task<MethodDescription> DescribeAsync(ApplicationUser user)
    {
        var names = (await users.GetPasskeysAsync(user)).Select(p => p.Name ?? T["Passkey"]).ToList();
        return new MethodDescription(names.Count switch
        {
            0 => T["Not set up"],
            1 => T["1 passkey: {0}", names[0]],
            var n => T["{0} passkeys: {1}", n, string.Join(", ", names)],
        });
    }

    public Task ResetAsync(ApplicationUser user) => db.Set<IdentityUserPasskey<string>>().Where(p => p.UserId == user.Id).ExecuteDeleteAsync();

    public Task OtherMethodSucceededAsync(ApplicationUser user) => Task.CompletedTask;
}
