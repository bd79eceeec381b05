using TwoFactorDemo.Web.Sessions;

namespace TwoFactorDemo.Tests.Unit;

public class SessionValidityCacheTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_remembered_session_is_valid_for_the_lifetime_and_never_past_its_expiry()
    {
        var cache = new SessionValidityCache();
        cache.Remember("long", "u", Now.AddHours(8), Now, cache.Generation);
        cache.Remember("ending", "u", Now.AddSeconds(3), Now, cache.Generation);

        Assert.True(cache.IsKnownValid("long", Now.Add(SessionValidityCache.Lifetime).AddTicks(-1)));
        Assert.False(cache.IsKnownValid("long", Now.Add(SessionValidityCache.Lifetime)));
        Assert.True(cache.IsKnownValid("ending", Now.AddSeconds(2)));
        Assert.False(cache.IsKnownValid("ending", Now.AddSeconds(3)));
        Assert.False(cache.IsKnownValid("unknown", Now));
    }

    [Fact]
    public void Forgetting_a_session_or_a_user_takes_effect_at_once()
    {
        var cache = new SessionValidityCache();
        cache.Remember("a1", "alice", Now.AddHours(1), Now, cache.Generation);
        cache.Remember("a2", "alice", Now.AddHours(1), Now, cache.Generation);
        cache.Remember("b1", "bob", Now.AddHours(1), Now, cache.Generation);

        cache.Forget("a1");
        Assert.False(cache.IsKnownValid("a1", Now));
        Assert.True(cache.IsKnownValid("a2", Now));

        cache.ForgetUser("alice");
        Assert.False(cache.IsKnownValid("a2", Now));
        Assert.True(cache.IsKnownValid("b1", Now));
    }

    [Fact]
    public void A_lookup_that_started_before_a_revocation_cannot_bring_the_session_back()
    {
        var cache = new SessionValidityCache();
        var generation = cache.Generation; // a request reads the row...
        cache.ForgetUser("alice");          // ...an admin ends Alice's sessions meanwhile...
        cache.Remember("a1", "alice", Now.AddHours(1), Now, generation); // ...and the read comes back

        Assert.False(cache.IsKnownValid("a1", Now));
    }
}
