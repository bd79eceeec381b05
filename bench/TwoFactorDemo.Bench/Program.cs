using TwoFactorDemo.Bench;

// Load benchmark: the app's full 2FA sign-in and protected pages against the password-hash ceiling and the
// stock Identity template. Usage: dotnet run -c Release --project bench/TwoFactorDemo.Bench -- [--smoke] [options]
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (options.Soak is not null)
{
    var soak = await new SoakRun(options, Console.Out).RunAsync();
    Console.WriteLine();
    Console.WriteLine(soak.Markdown());
    if (options.MarkdownPath is { } soakPath)
    {
        await File.WriteAllTextAsync(soakPath, soak.Markdown());
    }
    Console.WriteLine(soak.Passed ? "Soak: no errors, memory flat." : "Soak FAILED.");
    return soak.Passed ? 0 : 1;
}
var results = await new BenchRun(options, Console.Out).RunAsync();
var table = Report.Markdown(results);
Console.WriteLine();
Console.WriteLine(table);
if (options.MarkdownPath is { } path)
{
    await File.WriteAllTextAsync(path, table);
}
var completedEverything = results.AllLoads.All(l => l.Completed > 0);
Console.WriteLine(results.Errors == 0 && completedEverything
    ? "Bench: no errors."
    : $"Bench FAILED: {results.Errors} errors{(completedEverything ? "" : ", and a measurement completed nothing")}.");
return results.Errors == 0 && completedEverything ? 0 : 1;
