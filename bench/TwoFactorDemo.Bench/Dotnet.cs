using System.Diagnostics;

namespace TwoFactorDemo.Bench;

/// <summary>Runs the dotnet CLI (publish, new) and fails with its output when it fails.</summary>
public static class Dotnet
{
    public static async Task RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:{Environment.NewLine}{await output}{await error}");
        }
    }

    /// <summary>Publishes <paramref name="project"/> in Release to <paramref name="output"/>.</summary>
    public static Task PublishAsync(string project, string output) =>
        RunAsync(Path.GetDirectoryName(project)!, "publish", project, "-c", "Release", "-o", output, "--nologo");
}
