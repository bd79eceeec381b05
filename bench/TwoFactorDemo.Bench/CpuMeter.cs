using System.Diagnostics;

namespace TwoFactorDemo.Bench;

/// <summary>Adds the server's and the bench's CPU time to a measurement: where the time went, not only how long it took.</summary>
public static class CpuMeter
{
    public static async Task<LoadResult> MeasureAsync(ServerProcess server, Func<Task<LoadResult>> load)
    {
        using var self = Process.GetCurrentProcess();
        var server0 = server.CpuTime();
        var bench0 = self.TotalProcessorTime;
        var result = await load();
        self.Refresh();
        return result with { ServerCpu = server.CpuTime() - server0, BenchCpu = self.TotalProcessorTime - bench0 };
    }
}
