using System.Collections.Concurrent;

namespace TwoFactorDemo.Bench;

/// <summary>Latencies per named step, from any number of concurrent workers.</summary>
public sealed class StepRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _steps = new();
    private readonly List<string> _order = [];

    public void Record(string step, TimeSpan elapsed)
    {
        var queue = _steps.GetOrAdd(step, name =>
        {
            lock (_order)
            {
                _order.Add(name);
            }
            return new ConcurrentQueue<double>();
        });
        queue.Enqueue(elapsed.TotalMilliseconds);
    }

    /// <summary>Each step's count and percentiles, in the order steps were first seen.</summary>
    public IReadOnlyList<StepStats> Summarize()
    {
        lock (_order)
        {
            return [.. _order.Select(name => StepStats.From(name, [.. _steps[name]]))];
        }
    }
}
