using TwoFactorDemo.Web.Localization;

namespace TwoFactorDemo.Web.Administration;

/// <summary>The actions on /Admin/Users/{id}/{operation}, each confirmed on its own page before the POST.</summary>
public static class AdminOperations
{
    public const string ResetSecondFactors = "reset-2fa";
    public const string Lock = "lock";
    public const string Unlock = "unlock";
    public const string SignOutEverywhere = "sign-out";
    public const string GrantAdmin = "grant-admin";
    public const string RevokeAdmin = "revoke-admin";
    public const string Delete = "delete";

    /// <summary>Each operation's button text and what the confirmation page says it does (resource keys; the pages localize them).</summary>
    public static readonly IReadOnlyDictionary<string, (string Title, string Explanation)> All = new Dictionary<string, (string, string)>
    {
        [ResetSecondFactors] = (TextKey.Of("Reset second factors"),
            TextKey.Of("Removes the authenticator app, text-message and email sign-in, the recovery codes and every remembered browser, and ends every session. At the next sign-in the user sets up a method again.")),
        [Lock] = (TextKey.Of("Lock the account"), TextKey.Of("The user can't sign in until an admin unlocks the account. Every session ends now.")),
        [Unlock] = (TextKey.Of("Unlock the account"), TextKey.Of("Clears the lock and the count of failed attempts.")),
        [SignOutEverywhere] = (TextKey.Of("Sign out everywhere"), TextKey.Of("Ends every session of the user and forgets every remembered browser.")),
        [GrantAdmin] = (TextKey.Of("Make admin"), TextKey.Of("The user can open the admin area (after proving a second factor).")),
        [RevokeAdmin] = (TextKey.Of("Remove admin"), TextKey.Of("The user can no longer open the admin area.")),
        [Delete] = (TextKey.Of("Delete the account"), TextKey.Of("Deletes the account and everything tied to it. The audit log keeps its entries.")),
    };
}
