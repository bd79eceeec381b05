namespace TwoFactorDemo.Bench;

/// <summary>
/// The app's sign-in, step by step, as a browser does it: the login page, the password, the authenticator
/// page, the code (fresh for its time step), and a page behind the second-factor policy.
/// </summary>
public static class AppLogin
{
    public const string ProtectedPage = "/Home/Protected";
    public const string GetLogin = "GET /Account/Login";
    public const string PostPassword = "POST /Account/Login";
    public const string GetTotp = "GET /TwoFactor/Totp";
    public const string PostCode = "POST /TwoFactor/Totp";
    public const string GetProtected = "GET " + ProtectedPage;

    private static readonly string ReturnUrl = Uri.EscapeDataString(ProtectedPage);

    public static async Task<BrowserSession> FullAsync(HttpClient http, StepRecorder recorder, UserPool users, CancellationToken cancellation)
    {
        var session = new BrowserSession(http, recorder);
        var (user, code) = await users.LeaseAsync(cancellation);
        await PasswordAsync(session, user);
        await CodeAsync(session, code);
        await session.GetAsync(GetProtected, ProtectedPage);
        return session;
    }

    /// <summary>The login page and the password; the session then waits for its second factor.</summary>
    public static async Task PasswordAsync(BrowserSession session, BenchUser user)
    {
        await OpenLoginAsync(session);
        await SubmitPasswordAsync(session, user);
    }

    public static Task OpenLoginAsync(BrowserSession session) => session.GetAsync(GetLogin, $"/Account/Login?ReturnUrl={ReturnUrl}");

    public static async Task SubmitPasswordAsync(BrowserSession session, BenchUser user)
    {
        var next = await session.PostFormAsync(PostPassword, "/Account/Login",
            [new("Email", user.Email), new("Password", UserSeeder.Password), new("ReturnUrl", ProtectedPage)]);
        Expect(PostPassword, next, "/TwoFactor");
    }

    /// <summary>The authenticator page and the code.</summary>
    public static async Task CodeAsync(BrowserSession session, string code)
    {
        await OpenTotpAsync(session);
        await SubmitCodeAsync(session, code);
    }

    public static Task OpenTotpAsync(BrowserSession session) => session.GetAsync(GetTotp, $"/TwoFactor/Totp?ReturnUrl={ReturnUrl}");

    public static async Task SubmitCodeAsync(BrowserSession session, string code)
    {
        var next = await session.PostFormAsync(PostCode, "/TwoFactor/Totp",
            [new("Code", code), new("ReturnUrl", ProtectedPage), new("StepUp", "false"), new("RememberBrowser", "false")]);
        Expect(PostCode, next, ProtectedPage);
    }

    private static void Expect(string step, string? location, string prefix)
    {
        if (location is null || !location.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new BenchException($"{step}: redirected to '{location}', expected {prefix}");
        }
    }
}
