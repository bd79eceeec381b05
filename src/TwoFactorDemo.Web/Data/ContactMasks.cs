namespace TwoFactorDemo.Web.Data;

/// <summary>How a phone number or an email address is shown when the page should not reveal all of it: the same everywhere.</summary>
public static class ContactMasks
{
    /// <summary>The number with all but its last two digits hidden: <c>••••••••••34</c>.</summary>
    public static string Phone(string e164) => e164.Length <= 4 ? "••" : new string('•', e164.Length - 3) + e164[^2..];

    /// <summary><c>j•••@example.com</c>.</summary>
    public static string Email(string email) => email.IndexOf('@') is > 0 and var at ? email[0] + "•••" + email[at..] : "•••";
}
