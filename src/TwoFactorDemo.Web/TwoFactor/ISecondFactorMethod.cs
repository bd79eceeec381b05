using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Web.TwoFactor;

/// <summary>One way to prove the second factor. Each method registers one; the challenge and /Security list them in <see cref="Order"/>.</summary>
public interface ISecondFactorMethod
{
    /// <summary>The <c>tfd:2fa</c> claim value and the token provider name.</summary>
    string Name { get; }

    string DisplayName { get; }

    /// <summary>One sentence for the challenge list.</summary>
    string Description { get; }

    /// <summary>Lower comes first; TOTP is offered first.</summary>
    int Order { get; }

    /// <summary>False for recovery codes: they back up a method, they are not one.</summary>
    bool IsPrimary { get; }

    /// <summary>
    /// True when the proof is checked here, against this database (a hash, a time step): the challenge then spends it in
    /// the same commit as the new session, both or neither. False when checking asks another service (Twilio Verify):
    /// that must not happen while a commit holds the database's one write lock.
    /// </summary>
    bool ChecksProofLocally { get; }

    /// <summary>The action on TwoFactorController that verifies this method at login.</summary>
    string ChallengeAction { get; }

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

    /// <summary>The method can be used to sign in now: enrolled, and not locked or waiting for anything.</summary>
    Task<bool> IsAvailableAsync(ApplicationUser user);

    /// <summary>
    /// Removes the method's enrolment and everything it keeps for <paramref name="user"/> (an admin's "reset second
    /// factors"): its own rows are deleted here, its columns on <paramref name="user"/> are changed for the caller to
    /// save in the same commit. No audit record and no session change: the caller does those once for all methods.
    /// </summary>
    Task ResetAsync(ApplicationUser user);

    /// <summary>Another method proved the second factor for <paramref name="user"/> (inside that sign-in's commit): e.g. typing unlocks.</summary>
    Task OtherMethodSucceededAsync(ApplicationUser user);
}
