namespace TwoFactorDemo.Bench;

/// <summary>
/// Passwordless sign-in as passkeys.js does it: the login page, the request options, the authenticator's answer
/// (user verified: both factors at once), then the protected page. No password hash anywhere.
/// </summary>
public static class PasskeyLogin
{
    public const string GetLogin = "GET /Account/Login";
    public const string PostOptions = "POST /Account/Passkey/Options";
    public const string PostAnswer = "POST /Account/Passkey";
    public const string GetProtected = "GET " + AppLogin.ProtectedPage;

    private static readonly string ReturnUrl = Uri.EscapeDataString(AppLogin.ProtectedPage);

    public static async Task<BrowserSession> FullAsync(HttpClient http, StepRecorder recorder, PasskeyPool pool, CancellationToken cancellation)
    {
        var session = new BrowserSession(http, recorder);
        var user = await pool.LeaseAsync(cancellation);
        try
        {
            await session.GetAsync(GetLogin, $"/Account/Login?ReturnUrl={ReturnUrl}");
            await session.PostFormAsync(PostOptions, "/Account/Passkey/Options", [], System.Net.HttpStatusCode.OK);
            var answer = pool.Authenticator.Get(session.LastBody, user.Credential);
            var next = await session.PostFormAsync(PostAnswer, "/Account/Passkey", [new("Credential", answer), new("ReturnUrl", AppLogin.ProtectedPage)]);
            if (next is null || !next.StartsWith(AppLogin.ProtectedPage, StringComparison.OrdinalIgnoreCase))
            {
                throw new BenchException($"{PostAnswer}: redirected to '{next}', expected {AppLogin.ProtectedPage}");
            }
            await session.GetAsync(GetProtected, AppLogin.ProtectedPage);
            return session;
        }
        finally
        {
            pool.Return(user);
        }
    }
}
