using TwoFactorDemo.Web.Methods.Totp;

namespace TwoFactorDemo.Bench;

/// <summary>
/// Hands out seeded users round-robin so that no user sends a code for a time step it already used: every
/// code the bench sends is fresh, as a real authenticator's would be. When every user has used the current
/// step, callers wait for the next one (and the wait is counted, so a too-small pool shows in the results).
/// </summary>
public sealed class UserPool(TimeProvider clock)
{
    private readonly List<BenchUser> _users = [];
    private readonly Lock _lock = new();
    private int _next;
    private int _waits;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _users.Count;
            }
        }
    }

    /// <summary>How many times a caller found every user spent for the current step.</summary>
    public int Waits => Volatile.Read(ref _waits);

    public void Add(IEnumerable<BenchUser> users)
    {
        lock (_lock)
        {
            _users.AddRange(users);
        }
    }

    public long CurrentStep => TotpAlgorithm.StepAt(clock.GetUtcNow());

    /// <summary>A user that has not used the current step, marked as having used it, with that step's code.</summary>
    public async Task<(BenchUser User, string Code)> LeaseAsync(CancellationToken cancellation)
    {
        while (true)
        {
            var step = CurrentStep;
            lock (_lock)
            {
                for (var tried = 0; tried < _users.Count; tried++)
                {
                    var user = _users[_next];
                    _next = (_next + 1) % _users.Count;
                    if (user.LastStep < step)
                    {
                        user.LastStep = step;
                        return (user, user.CodeFor(step));
                    }
                }
            }
            Interlocked.Increment(ref _waits);
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
    }

    /// <summary>
    /// The code for the current step for a user leased earlier (whose session waited past the password);
    /// its earlier lease keeps the step unused by anyone else.
    /// </summary>
    public string FreshCodeFor(BenchUser user)
    {
        var step = CurrentStep;
        lock (_lock)
        {
            user.LastStep = Math.Max(user.LastStep, step);
        }
        return user.CodeFor(step);
    }
}
