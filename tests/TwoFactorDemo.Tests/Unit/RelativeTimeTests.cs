using TwoFactorDemo.Tests.Infrastructure;
using TwoFactorDemo.Web.Presentation;

namespace TwoFactorDemo.Tests.Unit;

/// <summary>Issue 18, item 8: times as people say them; a countdown rounds up, the past rounds down.</summary>
public class RelativeTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "now")]
    [InlineData(0.4, "now")]
    [InlineData(1, "in 1 second")]
    [InlineData(45, "in 45 seconds")]
    [InlineData(44.2, "in 45 seconds")]
    [InlineData(61, "in 2 minutes")]
    [InlineData(-61, "1 minute ago")]
    [InlineData(-120, "2 minutes ago")]
    [InlineData(-3 * 3600, "3 hours ago")]
    [InlineData(5 * 86400, "in 5 days")]
    public void Describe_says_it_like_a_person(double seconds, string expected) =>
        Assert.Equal(expected, RelativeTime.Describe(Now.AddSeconds(seconds), Now, AppText.English));

    // Issue 18, item 13: the same moments in Spanish, the words the browser's Intl.RelativeTimeFormat("es") uses too.
    [Theory]
    [InlineData(0, "ahora")]
    [InlineData(1, "dentro de 1 segundo")]
    [InlineData(45, "dentro de 45 segundos")]
    [InlineData(-61, "hace 1 minuto")]
    [InlineData(-3 * 3600, "hace 3 horas")]
    [InlineData(5 * 86400, "dentro de 5 días")]
    public void Describe_speaks_Spanish(double seconds, string expected) =>
        Assert.Equal(expected, RelativeTime.Describe(Now.AddSeconds(seconds), Now, AppText.Spanish));
}
