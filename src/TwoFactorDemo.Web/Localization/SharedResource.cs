namespace TwoFactorDemo.Web.Localization;

/// <summary>
/// The one resource set every user-facing string comes from (<c>SharedResource.resx</c>, English, and
/// <c>SharedResource.es.resx</c>, Spanish). Keys are the English text, so a page reads naturally in code and a string
/// missing from a translation falls back to English instead of to a key.
/// </summary>
public sealed class SharedResource;
