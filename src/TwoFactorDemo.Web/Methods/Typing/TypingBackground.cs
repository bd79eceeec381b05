namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>Other people's samples of the same phrase (stored vectors), and how many people they come from.</summary>
public sealed record TypingBackground(IReadOnlyList<double[]> Samples, int People)
{
    private IReadOnlyList<double[]>? _features;

    public static TypingBackground None { get; } = new([], 0);

    /// <summary>The samples' matcher features, computed once (a background is scored against many samples).</summary>
    public IReadOnlyList<double[]> Features => _features ??= [.. Samples.Select(TypingMatcher.Features)];
}
