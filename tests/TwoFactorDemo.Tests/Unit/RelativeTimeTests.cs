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
        Assert.Equal(expected, RelativeTime.Describe(Now.AddSeconds(seconds), Now));
}
