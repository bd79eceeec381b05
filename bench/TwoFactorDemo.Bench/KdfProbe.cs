using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Bench;

/// <summary>
/// The ceiling no login can beat, with the app's own hasher (Identity's PBKDF2-HMAC-SHA512, 100,000 iterations),
/// two ways: the median time of one verification × the cores (the definition), and verifications per
/// second measured with every core verifying at once (what the machine really allows: its cores need not scale).
/// </summary>
public sealed record KdfProbe(double MedianMilliseconds, int Cores, double ParallelPerSecond)
{
    /// <summary>Median × cores.</summary>
    public double VerifiesPerSecond => Cores * 1000 / MedianMilliseconds;

    /// <summary>The mean of two probes, e.g. one before and one after a measurement, for a machine whose speed drifts.</summary>
    public static KdfProbe Mean(KdfProbe before, KdfProbe after) =>
        new((before.MedianMilliseconds + after.MedianMilliseconds) / 2, before.Cores, (before.ParallelPerSecond + after.ParallelPerSecond) / 2);

    public static KdfProbe Measure(IPasswordHasher<ApplicationUser> hasher, string hash, string password, int samples)
    {
        var user = new ApplicationUser();
        for (var i = 0; i < 3; i++)
        {
            Verify(hasher, user, hash, password);
        }
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Verify(hasher, user, hash, password);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        var cores = Environment.ProcessorCount;
        return new KdfProbe(StepStats.Percentile(times, 0.5), cores, MeasureParallel(hasher, hash, password, cores, samples / 2));
    }

    // One thread per core, each verifying `each` times; all start together.
    private static double MeasureParallel(IPasswordHasher<ApplicationUser> hasher, string hash, string password, int cores, int each)
    {
        using var start = new Barrier(cores + 1);
        var threads = Enumerable.Range(0, cores).Select(_ => new Thread(() =>
        {
            var user = new ApplicationUser();
            start.SignalAndWait();
            for (var i = 0; i < each; i++)
            {
                Verify(hasher, user, hash, password);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        start.SignalAndWait();
        var started = Stopwatch.GetTimestamp();
        threads.ForEach(t => t.Join());
        return cores * each / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static void Verify(IPasswordHasher<ApplicationUser> hasher, ApplicationUser user, string hash, string password)
    {
        if (hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Success)
        {
            throw new BenchException("The seeded password hash did not verify.");
        }
    }
}
