using Microsoft.Data.Sqlite;

namespace TwoFactorDemo.Bench;

/// <summary>
/// The stock <c>dotnet new mvc --auth Individual</c> app, generated into a temporary folder at bench time (never
/// committed), published in Release and run in Production with one confirmed, signed-in user.
/// </summary>
public static class StockTemplate
{
    public const string Email = "bench@template.example";
    public const string Password = "Bench-passw0rd!";
    private const string Name = "StockTemplate";

    /// <summary>Generates and publishes the template under <paramref name="directory"/>; returns the app's dll.</summary>
    public static async Task<string> PublishAsync(string directory)
    {
        var source = Path.Combine(directory, Name);
        await Dotnet.RunAsync(directory, "new", "mvc", "--auth", "Individual", "--name", Name, "--output", source);
        var output = Path.Combine(directory, "out");
        await Dotnet.PublishAsync(Path.Combine(source, Name + ".csproj"), output);
        return Path.Combine(output, Name + ".dll");
    }

    /// <summary>Registers the user through the template's own page, then confirms its email in the template's database.</summary>
    public static async Task RegisterAsync(HttpClient http, string dll)
    {
        var session = new BrowserSession(http, new StepRecorder());
        await session.GetAsync("GET register", "/Identity/Account/Register");
        var next = await session.PostFormAsync("POST register", "/Identity/Account/Register",
            [new("Input.Email", Email), new("Input.Password", Password), new("Input.ConfirmPassword", Password)]);
        if (next?.Contains("RegisterConfirmation", StringComparison.Ordinal) != true)
        {
            throw new BenchException($"The template's registration redirected to '{next}'.");
        }
        // The template asks for a confirmed email (RequireConfirmedAccount) and has no mail sender.
        await using var db = new SqliteConnection($"Data Source={Path.Combine(Path.GetDirectoryName(dll)!, "app.db")}");
        await db.OpenAsync();
        await using var confirm = db.CreateCommand();
        confirm.CommandText = "UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE NormalizedEmail = $email";
        confirm.Parameters.AddWithValue("$email", Email.ToUpperInvariant());
        if (await confirm.ExecuteNonQueryAsync() != 1)
        {
            throw new BenchException("The template's registered user was not found in its database.");
        }
    }
}
