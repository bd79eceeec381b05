using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Audit;
using TwoFactorDemo.Web.Data;
using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Web.SignIn;

/// <summary>Ends sessions: this one, or (in one commit) all the others of the signed-in user.</summary>
public sealed class SessionSignOut(
    UserManager<ApplicationUser> users,
    UserSessionRevoker revoker,
    SecondFactorSignIn signIn,
    SecurityEventLog audit,
    AppDbContext db)
{
    public async Task SignOutAsync(ApplicationUser? user)
    {
        await signIn.SignOutAsync();
        await audit.WriteAsync(SecurityEventKinds.SignedOut, user?.Id);
    }

    /// <summary>
    /// A new security stamp (which also forgets every remembered browser), every stored session deleted,
    /// and this browser given a new session that keeps its second-factor proof.
    /// </summary>
    public Task SignOutOtherSessionsAsync(ApplicationUser user) =>
        db.InOneCommitAsync(async () =>
        {
            await users.UpdateSecurityStampAsync(user);
            var ended = await revoker.RevokeAllAsync(user.Id);
            await signIn.RefreshAsync(user);
            await audit.WriteAsync(SecurityEventKinds.OtherSessionsEnded, user.Id, $"{Math.Max(0, ended - 1)} other sessions");
        });
}
