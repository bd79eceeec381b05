using System.Globalization;
using System.Text;

namespace TwoFactorDemo.Bench;

/// <summary>The results as Markdown tables: the targets first, then growth and per-step latencies.</summary>
public static class Report
{
    public static string Markdown(BenchResults r)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(line);
        var first = r.Levels[0];
        var last = r.Levels[^1];
        var medians = r.AllKdf.Select(k => k.MedianMilliseconds).ToList();

        Line($"Run {r.Started:yyyy-MM-dd HH:mm} UTC, {r.Kdf.Cores} cores, {Environment.OSVersion.VersionString}, .NET {Environment.Version}; "
            + $"{(r.Options.Smoke ? "smoke mode, " : "")}logins at {r.Options.LoginConcurrency} virtual users for {r.Options.LoginDuration.TotalSeconds:F0} s, "
            + $"pages at {r.Options.PageConcurrency} connections for {r.Options.PageDuration.TotalSeconds:F0} s; took {r.Took:m\\:ss}.");
        Line("");
        Line("| Measure | Result | Target | Met |");
        Line("|---|---|---|---|");
        Line($"| KDF limit (PBKDF2 verify), measured around each login run | median {medians.Min():F1}–{medians.Max():F1} ms × {r.Kdf.Cores} cores = "
            + $"{r.AllKdf.Min(k => k.VerifiesPerSecond):F1}–{r.AllKdf.Max(k => k.VerifiesPerSecond):F1} verifies/s; **{r.AllKdf.Min(k => k.ParallelPerSecond):F1}–"
            + $"{r.AllKdf.Max(k => k.ParallelPerSecond):F1} verifies/s** measured on all cores at once | | |");
        foreach (var level in r.Levels)
        {
            var ratio = level.Login.PerSecond / level.Kdf.ParallelPerSecond;
            Line($"| Full 2FA login, {level.Users:N0} users | {level.Login.PerSecond:F1} flows/s = **{Percent(ratio)}** of {level.Kdf.ParallelPerSecond:F1} measured "
                + $"({Percent(level.Login.PerSecond / level.Kdf.VerifiesPerSecond)} of median × cores) | ≥ 90 % | {Met(ratio >= 0.9)} |");
        }
        if (r.StepAlone is { } steps)
        {
            Line($"| Code step alone vs password step | {steps.Code.PerSecond:F0} vs {steps.Password.PerSecond:F1} requests/s = **{steps.Ratio:F1}×** | ≥ 10× | {Met(steps.Ratio >= 10)} |");
        }
        foreach (var level in r.Levels)
        {
            var page = level.ProtectedPage;
            var p99 = page.Step(LoadRunner.WholeIteration).P99;
            var vs = r.Template is { } t ? $" = **{page.PerSecond / t.Page.PerSecond:F2}×** the template's Manage page" : "";
            Line($"| {AppLogin.ProtectedPage}, {level.Users:N0} users | {page.PerSecond:F0} requests/s, p99 {p99:F1} ms{vs} | ≥ 1.0×, p99 ≤ 50 ms | "
                + $"{Met((r.Template is null || page.PerSecond >= r.Template.Page.PerSecond) && p99 <= 50)} |");
        }
        foreach (var level in r.Levels)
        {
            var page = level.AccountPage;
            var p99 = page.Step(LoadRunner.WholeIteration).P99;
            var vs = r.Template is { } t ? $" = **{page.PerSecond / t.Page.PerSecond:F2}×** the template's Manage page" : "";
            Line($"| /Security (account page), {level.Users:N0} users | {page.PerSecond:F0} requests/s, p99 {p99:F1} ms{vs} | (like for like with Manage) | |");
        }
        if (r.Template is { } template)
        {
            Line($"| Stock template: password-only login | {template.Login.PerSecond:F1} flows/s = {Percent(template.Login.PerSecond / template.Kdf.ParallelPerSecond)} of "
                + $"{template.Kdf.ParallelPerSecond:F1} measured ({Percent(template.Login.PerSecond / template.Kdf.VerifiesPerSecond)} of median × cores) | (reference) | |");
            Line($"| Stock template: /Identity/Account/Manage | {template.Page.PerSecond:F0} requests/s, p99 {template.Page.Step(LoadRunner.WholeIteration).P99:F1} ms | (reference) | |");
        }
        if (r.Passkey is { } passkey)
        {
            var reference = r.Template;
            var rate = reference is null ? double.NaN : passkey.PerSecond / reference.Login.PerSecond;
            var cpu = reference is null ? "" : $"; server CPU {passkey.ServerCpuPerIteration:F1} ms each vs {reference.Login.ServerCpuPerIteration:F1} ms = "
                + $"**{reference.Login.ServerCpuPerIteration / passkey.ServerCpuPerIteration:F1}×** less";
            Line($"| Passwordless passkey sign-in (user verified, no password hash) | {passkey.PerSecond:F1} flows/s = **{rate:F1}×** the template's password login{cpu} "
                + $"| ≥ 10× | {(reference is null ? "" : Met(rate >= 10))} |");
        }
        if (r.Levels.Count > 1)
        {
            var login = last.Login.PerSecond / first.Login.PerSecond;
            var page = last.ProtectedPage.PerSecond / first.ProtectedPage.PerSecond;
            Line($"| Growth {first.Users:N0} → {last.Users:N0} users | login {Percent(login)}, protected page {Percent(page)} of the {first.Users:N0}-user rate | flat (≥ 90 %) | {Met(login >= 0.9 && page >= 0.9)} |");
        }
        var templatePeak = r.Template?.PeakBytes;
        var sameWork = templatePeak is { } tp ? $" = **{(double)first.PeakBytesSoFar / tp:F2}×** the template's {Megabytes(tp)}" : "";
        Line($"| Peak working set | app {Megabytes(first.PeakBytesSoFar)} after the same work as the template{sameWork}; {Megabytes(r.AppPeakBytes)} at the end of the run | ≤ 1.2× | "
            + $"{(templatePeak is { } peak ? Met(first.PeakBytesSoFar <= 1.2 * peak) : "")} |");
        Line($"| Errors | {r.Errors} | 0 | {Met(r.Errors == 0)} |");
        Line("");

        Line("| Users | Seeding | Logins/s | Login p50 / p99 (whole flow) | /Home/Protected req/s | p50 / p99 | /Security req/s | p50 / p99 | Peak so far |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var level in r.Levels)
        {
            var flow = level.Login.Step(LoadRunner.WholeIteration);
            var page = level.ProtectedPage.Step(LoadRunner.WholeIteration);
            var account = level.AccountPage.Step(LoadRunner.WholeIteration);
            Line($"| {level.Users:N0} | {level.SeedTime.TotalSeconds:F1} s | {level.Login.PerSecond:F1} | {flow.P50:F0} / {flow.P99:F0} ms | {level.ProtectedPage.PerSecond:F0} | "
                + $"{page.P50:F1} / {page.P99:F1} ms | {level.AccountPage.PerSecond:F0} | {account.P50:F1} / {account.P99:F1} ms | {Megabytes(level.PeakBytesSoFar)} |");
        }
        Line("");

        Line($"Per step of the full login ({last.Users:N0} users), and of the template's; milliseconds:");
        Line("");
        Line("| Step | Count | p50 | p95 | p99 | max |");
        Line("|---|---:|---:|---:|---:|---:|");
        var stepRows = last.Login.Steps.Select(s => s with { Step = s.Step == LoadRunner.WholeIteration ? "whole 2FA login" : s.Step })
            .Concat(r.StepAlone is { } alone ? [Rename(alone.Password, "POST /Account/Login alone"), Rename(alone.Code, "POST /TwoFactor/Totp alone")] : [])
            .Concat(r.Passkey?.Steps.Select(s => s with { Step = "passkey " + (s.Step == LoadRunner.WholeIteration ? "whole sign-in" : s.Step) }) ?? [])
            .Concat(r.Template?.Login.Steps.Select(s => s with { Step = "template " + (s.Step == LoadRunner.WholeIteration ? "whole login" : s.Step) }) ?? []);
        foreach (var s in stepRows)
        {
            Line($"| {s.Step} | {s.Count} | {s.P50:F1} | {s.P95:F1} | {s.P99:F1} | {s.Max:F1} |");
        }
        return text.ToString().Replace("NaN", "–", StringComparison.Ordinal);

        static StepStats Rename(LoadResult result, string name) => result.Steps.First(s => s.Step != LoadRunner.WholeIteration) with { Step = name };
        string Percent(double ratio) => (ratio * 100).ToString("F0", culture) + " %";
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Megabytes(long bytes) => $"{bytes / 1024d / 1024d:F0} MB";
}
