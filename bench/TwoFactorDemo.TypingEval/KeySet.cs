namespace TwoFactorDemo.TypingEval;

/// <summary>Which keys of a CSV row the evaluation uses: <c>printable</c> as the browser recorder keeps them, or <c>all</c>.</summary>
public enum KeySet
{
    Printable,
    All,
}
