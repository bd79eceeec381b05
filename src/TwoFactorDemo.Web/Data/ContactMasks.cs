namespace TwoFactorDemo.Web.Data;

/// <summary>How a phone number or an email address is shown when the page should not reveal all of it: the same everywhere.</summary>
public static class ContactMasks
{
    /// <summary>The number in international format with its country code and last two digits shown: <c>+1 •••-•••-••34</c> (<see cref="PhoneFormat.Masked"/>).</summary>
    public static string Phone(string e164) => PhoneFormat.Masked(e164);

    /// <summary><c>j•••@example.com</c>.</summary>
    public static string Email(string email) => email.IndexOf('@') is > 0 and var at ? email[0] + "•••" + email[at..] : "•••";
}
