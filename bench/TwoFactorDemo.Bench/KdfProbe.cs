using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using TwoFactorDemo.Web.Data;

namespace TwoFactorDemo.Bench;

/// <summary>
/// The ceiling no login can beat: the median time of one password verification with the app's own hasher
/// (Identity's PBKDF2-HMAC-SHA512, 100,000 iterations), and what that allows per second with every core busy.
/// </summary>
public sealed record KdfProbe(double MedianMilliseconds, int Cores)
{
    public double VerifiesPerSecond => Cores * 1000 / MedianMilliseconds;

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
        return new KdfProbe(StepStats.Percentile(times, 0.5), Environment.ProcessorCount);
    }

    private static void Verify(IPasswordHasher<ApplicationUser> hasher, ApplicationUser user, string hash, string password)
    {
        if (hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Success)
        {
            throw new BenchException("The seeded password hash did not verify.");
        }
    }
}
