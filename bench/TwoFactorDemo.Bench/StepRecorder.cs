using System.Collections.Concurrent;

namespace TwoFactorDemo.Bench;

/// <summary>Latencies per named step, from any number of concurrent workers.</summary>
public sealed class StepRecorder
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _steps = new();
    private readonly List<string> _order = [];

    public void Record(string step, TimeSpan elapsed)
    {
        if (!_steps.TryGetValue(step, out var queue))
        {
            // GetOrAdd may run a factory twice under contention; the order list must see each name once.
            lock (_order)
            {
                queue = _steps.GetOrAdd(step, _ => new ConcurrentQueue<double>());
                if (!_order.Contains(step))
                {
                    _order.Add(step);
                }
            }
        }
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
