namespace TwoFactorDemo.Web.Data;

/// <summary>
/// A change to a user was refused because the row changed since it was read (another request of the same user
/// got there first). Nothing was written; the error page answers 409 and asks the user to try again.
/// </summary>
public sealed class ConcurrentChangeException(string message) : Exception(message);
