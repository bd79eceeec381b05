namespace TwoFactorDemo.Bench;

/// <summary>The stock template's sign-in (password only) ending on its authorized account page.</summary>
public static class TemplateLogin
{
    public const string ManagePage = "/Identity/Account/Manage";
    public const string GetLogin = "GET /Identity/Account/Login";
    public const string PostPassword = "POST /Identity/Account/Login";
    public const string GetManage = "GET " + ManagePage;

    public static async Task<BrowserSession> FullAsync(HttpClient http, StepRecorder recorder, string email, string password)
    {
        var session = new BrowserSession(http, recorder);
        await session.GetAsync(GetLogin, "/Identity/Account/Login");
        var next = await session.PostFormAsync(PostPassword, "/Identity/Account/Login",
            [new("Input.Email", email), new("Input.Password", password), new("Input.RememberMe", "false")]);
        if (next != "/")
        {
            throw new BenchException($"{PostPassword}: redirected to '{next}', expected /");
        }
        await session.GetAsync(GetManage, ManagePage);
        return session;
    }
}
