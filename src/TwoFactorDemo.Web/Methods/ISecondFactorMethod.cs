using System.Linq.Expressions;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.Methods;

/// <summary>One way to prove the second factor. Each method registers one; the challenge and /Security list them in <see cref="Order"/>.</summary>
public interface ISecondFactorMethod
{
    /// <summary>The <c>tfd:2fa</c> claim value and the token provider name.</summary>
    string Name { get; }

    string DisplayName { get; }

    /// <summary>What the header says of a session this method verified, in plain words: "Verified with your authenticator app".</summary>
    string VerifiedPhrase { get; }

    /// <summary>One sentence for the challenge list.</summary>
    string Description { get; }

    /// <summary>Lower comes first; TOTP is offered first.</summary>
    int Order { get; }

    /// <summary>False for recovery codes: they back up a method, they are not one.</summary>
    bool IsPrimary { get; }

    /// <summary>
    /// True when a real-time phishing proxy cannot relay the proof (the browser binds it to this site's origin, as
    /// WebAuthn does). None of today's methods is: a code, a link approval or a typing sample can be relayed.
    /// </summary>
    bool IsPhishingResistant { get; }

    /// <summary>
    /// False for a weaker factor (typing rhythm): a session it verified is signed in, but step-up (changing security
    /// settings), and the admin area ask for another method.
    /// </summary>
    bool CountsForStepUp { get; }

    /// <summary>
    /// True when the proof is checked here, against this database (a hash, a time step): the challenge then spends it in
    /// the same commit as the new session, both or neither. False when checking asks another service (Twilio Verify):
    /// that must not happen while a commit holds the database's one write lock.
    /// </summary>
    bool ChecksProofLocally { get; }

    /// <summary>The page that verifies this method at sign-in (under /TwoFactor).</summary>
    string ChallengePath { get; }

    /// <summary>The page under /Security that sets it up.</summary>
    string SetupPath { get; }

    /// <summary>What a well-formed proof looks like, for the message shown when one is not.</summary>
    string FormatMessage { get; }

    /// <summary>A cheap shape check of the normalized proof; a malformed one is not a guess and does not count toward lockout.</summary>
    bool IsWellFormed(string normalizedProof);

    /// <summary>
    /// The user set this method up, whatever state it is in now (typing locked after failures, a provider down, an
    /// address not confirmed): an enrolled method, locked or not, means the account has a second factor, so a password
    /// alone never reaches the set-up pages (issue 13, finding 1).
    /// </summary>
    Task<bool> IsEnrolledAsync(ApplicationUser user);

    /// <summary>
    /// True when <see cref="IsEnrolledAsync"/> reads only the user's own columns (no query): "does this account have a
    /// method" asks these first, so the password step of a TOTP, SMS or email-link account runs no extra query.
    /// </summary>
    bool EnrolmentOnUserRow { get; }

    /// <summary>
    /// <see cref="IsEnrolledAsync"/> as a query the database runs over many users at once (the admin's counts and list):
    /// it may read the user's columns and the method's own tables through a captured <c>DbContext</c>.
    /// </summary>
    Expression<Func<ApplicationUser, bool>> EnrolledFilter { get; }

    /// <summary>The method can be used to sign in now: enrolled, and not locked or waiting for anything.</summary>
    Task<bool> IsAvailableAsync(ApplicationUser user);

    /// <summary>
    /// Checks <paramref name="proof"/> for <paramref name="user"/> and spends it when it is right, with the sentence to
    /// show when it is not. The method's Identity token provider answers the same question (as a bool) for callers
    /// that go through <c>UserManager.VerifyTwoFactorTokenAsync</c>; the challenge asks here, to get the reason too.
    /// </summary>
    Task<ProofCheck> CheckAsync(ApplicationUser user, string proof);

    /// <summary>What /Security and the admin's user page show for this method (its state in a few words, a next step).</summary>
    Task<MethodDescription> DescribeAsync(ApplicationUser user);

    /// <summary>
    /// Removes the method's enrolment and everything it keeps for <paramref name="user"/>: an admin's "reset second
    /// factors" and the user's own "turn off" both come here. Its own rows are deleted here, its columns on
    /// <paramref name="user"/> are changed for the caller to save in the same commit. No audit record and no session
    /// change: the caller does those (see <see cref="DisabledEventKind"/>).
    /// </summary>
    Task ResetAsync(ApplicationUser user);

    /// <summary>The audit record written when the user turns this method off.</summary>
    string DisabledEventKind { get; }

    /// <summary>Another method proved the second factor for <paramref name="user"/> (inside that sign-in's commit): e.g. typing unlocks.</summary>
    Task OtherMethodSucceededAsync(ApplicationUser user);
}
