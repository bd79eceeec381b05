using System.Collections.Concurrent;

namespace TwoFactorDemo.Web.Sessions;

/// <summary>
/// Remembers for a few seconds that a session key was found in the database, so a signed-in request does not
/// query it every time. Every way the app ends a session forgets it here at once, so revocation stays immediate;
/// the lifetime only bounds how late a change made outside this process (another instance, a hand edit) is seen.
/// </summary>
/// <remarks>
/// The load benchmark measured the per-request lookup at half the CPU of a protected page (0.9 ms against 0.4 ms
/// without it; bench/README.md). A lookup that started before a revocation must not re-add what the revocation
/// removed: <see cref="Generation"/> is taken before the query, and <see cref="Remember"/> refuses if anything was
/// forgotten since.
/// </remarks>
public sealed class SessionValidityCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private const int SweepEvery = 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _generation;
    private int _additions;

    private sealed record Entry(string UserId, DateTime ValidUntil);

    /// <summary>Changes whenever a session is forgotten; take it before reading the database.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool IsKnownValid(string key, DateTime now) => _entries.TryGetValue(key, out var entry) && entry.ValidUntil > now;

    /// <summary>Records a session read (or written) after <paramref name="generation"/>; ignored if one was forgotten since.</summary>
    public void Remember(string key, string userId, DateTime expiresAt, DateTime now, long generation)
    {
        var validUntil = expiresAt < now + Lifetime ? expiresAt : now + Lifetime;
        lock (_lock)
        {
            if (generation != _generation)
            {
                return;
            }
            _entries[key] = new Entry(userId, validUntil);
        }
        if (Interlocked.Increment(ref _additions) % SweepEvery == 0)
        {
            foreach (var (staleKey, entry) in _entries)
            {
                if (entry.ValidUntil <= now)
                {
                    _entries.TryRemove(staleKey, out _);
                }
            }
        }
    }

    public void Forget(string key)
    {
        lock (_lock)
        {
            _generation++;
            _entries.TryRemove(key, out _);
        }
    }

    public void ForgetUser(string userId)
    {
        lock (_lock)
        {
            _generation++;
            foreach (var (key, entry) in _entries)
            {
                if (entry.UserId == userId)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }
}
