using TwoFactorDemo.Web.Email;

namespace TwoFactorDemo.Web.Hosting;

/// <summary>
/// What must be configured before the app starts outside Development, each problem naming its setting: mailed links
/// from <c>Email:LinkBaseUrl</c>, a real mail provider (each method room reports its own, see StartupProblems), and Data Protection keys (they decrypt every TOTP secret
/// and sign every cookie) kept apart from the database and encrypted at rest.
/// </summary>
public static class ProductionRequirements
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        if (environment.IsDevelopment())
        {
            return problems;
        }
        var hosting = configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
        if (!Uri.TryCreate(configuration["Email:LinkBaseUrl"], UriKind.Absolute, out var linkBase) || linkBase.Scheme is not ("https" or "http"))
        {
            problems.Add("Email:LinkBaseUrl must be the site's public address (https://…): mailed links never take their host from a request.");
        }
        else if (hosting.RequireHttps && linkBase.Scheme != "https")
        {
            problems.Add("Email:LinkBaseUrl must start with https:// (or set Hosting:RequireHttps=false for a loopback benchmark).");
        }
        if (configuration["AllowedHosts"] is not { Length: > 0 } hosts || hosts.Split(';').Any(h => h.Trim() is "*" or ""))
        {
            problems.Add("AllowedHosts must list the site's host names (such as www.example.com;example.com), not *: a request for any other host is refused before it reaches a page.");
        }
        if (!hosting.AllowDevProviders)
        {
            if (!string.Equals(configuration["Email:Provider"], nameof(EmailProviderKind.Smtp), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("Email:Provider is the dev mailbox, which writes live links to files: set Email:Provider=Smtp and Email:Smtp:Host (or Hosting:AllowDevProviders=true for a demo site).");
            }
        }
        var keys = configuration["DataProtection:KeysPath"];
        var database = DatabaseFolder(configuration, environment);
        if (string.IsNullOrWhiteSpace(keys) || !Path.IsPathRooted(keys))
        {
            problems.Add("DataProtection:KeysPath must be an absolute folder outside the database's folder: a copy of both decrypts every TOTP secret.");
        }
        else if (database is not null && IsInside(Path.GetFullPath(keys), database))
        {
            problems.Add($"DataProtection:KeysPath ({keys}) is inside the database's folder ({database}): keep the keys apart from the data.");
        }
        if (string.IsNullOrWhiteSpace(configuration["DataProtection:CertificatePath"]))
        {
            problems.Add("DataProtection:CertificatePath (a .pfx, with DataProtection:CertificatePassword) must be set: the keys are encrypted at rest with it.");
        }
        else if (!File.Exists(configuration["DataProtection:CertificatePath"]))
        {
            problems.Add($"DataProtection:CertificatePath ({configuration["DataProtection:CertificatePath"]}) does not exist.");
        }
        return problems;
    }

    private static string? DatabaseFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            configuration.GetConnectionString("Default") ?? DatabaseServiceCollectionExtensions.DefaultConnectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return null;
        }
        return Path.GetDirectoryName(Path.GetFullPath(Path.Combine(environment.ContentRootPath, builder.DataSource)));
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
