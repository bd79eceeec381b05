using PhoneNumbers;

namespace TwoFactorDemo.Web.Data;

/// <summary>How a stored (E.164) phone number is shown: the international format people read (<c>+44 7911 123456</c>).</summary>
public static class PhoneFormat
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary><c>+14155552671</c> → <c>+1 415-555-2671</c>; the input itself when libphonenumber can't read it.</summary>
    public static string International(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>
    /// The international format with every digit hidden but the country code and the last two:
    /// <c>+1 •••-•••-••71</c>, <c>+44 •••• ••••56</c>. The country stays readable (which phone?), the number does not.
    /// </summary>
    public static string Masked(string e164)
    {
        var shown = International(e164);
        var prefix = shown.StartsWith('+') && shown.IndexOf(' ') is > 0 and var space ? space : 0; // "+44"
        var rest = shown[prefix..];
        var hide = rest.Count(char.IsAsciiDigit) - 2;
        var seen = 0;
        return shown[..prefix] + string.Concat(rest.Select(c => char.IsAsciiDigit(c) && ++seen <= hide ? '•' : c));
    }
}
