using System.Collections.Concurrent;
using System.Diagnostics;

namespace TwoFactorDemo.Bench;

/// <summary>Runs an iteration from a number of concurrent workers, for a time or over a list of items, and counts what happened.</summary>
public static class LoadRunner
{
    private const int KeptErrorMessages = 5;

    /// <summary>The step name under which each whole iteration's time is recorded.</summary>
    public const string WholeIteration = "whole";

    /// <summary>Each of <paramref name="concurrency"/> workers repeats <paramref name="iteration"/> until <paramref name="duration"/> is over.</summary>
    public static Task<LoadResult> ForDurationAsync(string name, int concurrency, TimeSpan duration, Func<StepRecorder, CancellationToken, Task> iteration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return RunAsync(name, concurrency, (recorder, cancellation) =>
            Stopwatch.GetTimestamp() < deadline ? iteration(recorder, cancellation) : null, duration * 3 + TimeSpan.FromSeconds(30));
    }

    /// <summary>Runs <paramref name="iteration"/> once per item, <paramref name="concurrency"/> at a time.</summary>
    public static Task<LoadResult> ForEachAsync<T>(string name, int concurrency, IReadOnlyList<T> items, Func<T, StepRecorder, CancellationToken, Task> iteration)
    {
        var next = -1;
        return RunAsync(name, concurrency, (recorder, cancellation) =>
        {
            var index = Interlocked.Increment(ref next);
            return index < items.Count ? iteration(items[index], recorder, cancellation) : null;
        }, TimeSpan.FromMinutes(10));
    }

    /// <summary><paramref name="nextIteration"/> returns null when a worker should stop.</summary>
    private static async Task<LoadResult> RunAsync(string name, int concurrency, Func<StepRecorder, CancellationToken, Task?> nextIteration, TimeSpan limit)
    {
        var recorder = new StepRecorder();
        var completed = 0;
        var errors = 0;
        var messages = new ConcurrentQueue<string>();
        using var cancellation = new CancellationTokenSource(limit);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!cancellation.IsCancellationRequested && nextIteration(recorder, cancellation.Token) is { } iteration)
            {
                var iterationStarted = Stopwatch.GetTimestamp();
                try
                {
                    await iteration;
                    Interlocked.Increment(ref completed);
                    recorder.Record(WholeIteration, Stopwatch.GetElapsedTime(iterationStarted));
                }
                catch (Exception e) when (e is BenchException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    if (messages.Count < KeptErrorMessages)
                    {
                        messages.Enqueue(e.Message);
                    }
                }
            }
        }));
        await Task.WhenAll(workers);
        return new LoadResult(name, completed, errors, Stopwatch.GetElapsedTime(started), recorder.Summarize(), [.. messages]);
    }
}
