namespace TwoFactorDemo.Web.Authentication;

/// <summary>
/// The <c>tfd:2fa</c> claim values that are not a method: every method's own value is its <c>MethodName</c> (also its
/// token provider's name), in its folder under <c>Methods/</c>.
/// </summary>
public static class SecondFactorMethodNames
{
    public const string Remembered = "remembered";
}
