namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>
/// A user's typing rhythm for the fixed phrase: the recent accepted feature vectors (JSON), never the raw key
/// events. Enrolled once it holds enough samples; locked after 5 failures in a row until another method succeeds.
/// </summary>
public class TypingProfile
{
    public required string UserId { get; set; }
    public string SamplesJson { get; set; } = "[]";
    /// <summary>The last accepted sign-in samples' feature vectors (0.1 ms), to refuse replays and near copies of them.</summary>
    public string RecentSamplesJson { get; set; } = "[]";
    public bool Enrolled { get; set; }
    public int ConsecutiveFailures { get; set; }
    public bool Locked { get; set; }
    public DateTime UpdatedAt { get; set; }
}
