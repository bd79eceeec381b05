using TwoFactorDemo.Tests.Infrastructure;

namespace TwoFactorDemo.Tests.Integration;

/// <summary>A bad setting stops start-up with a message that names the key.</summary>
public class ConfigurationTests
{
    [Theory]
    [InlineData("TwoFactor:RememberBrowserDays", "0", "TwoFactor:RememberBrowserDays")]
    [InlineData("TwoFactor:Totp:Issuer", "a:b", "TwoFactor:Totp:Issuer")]
    [InlineData("Sms:Provider", "Twilio", "Sms:Twilio:AccountSid")]
    [InlineData("Sms:DefaultRegion", "usa", "Sms:DefaultRegion")]
    [InlineData("Email:Provider", "Smtp", "Email:Smtp:Host")]
    [InlineData("Email:MagicLinkMinutes", "60", "Email:MagicLinkMinutes")]
    [InlineData("Email:Smtp:From", "not an address", "Email:Smtp:From")]
    public void A_bad_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        using var app = new TestApp(new() { [key] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.NewBrowser());
        Assert.Contains(named, error.ToString());
    }

    [Fact]
    public void Enforcement_accepts_only_its_two_values()
    {
        using var app = new TestApp(new() { ["TwoFactor:Enforcement"] = "Sometimes" });
        var error = Assert.ThrowsAny<Exception>(() => app.NewBrowser());
        Assert.Contains("TwoFactor:Enforcement", error.ToString());
    }
}
