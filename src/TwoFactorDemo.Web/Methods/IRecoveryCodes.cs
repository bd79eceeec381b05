namespace TwoFactorDemo.Web.Methods;

/// <summary>
/// The one-time codes that back up every method: made when the first method is set up, counted on /Security, and
/// deleted when the last method goes. Implemented in <c>Methods/RecoveryCodes</c>; the rest of the app knows only this.
/// </summary>
public interface IRecoveryCodes
{
    /// <summary>Replaces the user's codes with new ones and returns them in plain text, to be shown once.</summary>
    Task<IReadOnlyList<string>> GenerateAsync(string userId);

    Task<int> CountRemainingAsync(string userId);

    Task DeleteAllAsync(string userId);
}
