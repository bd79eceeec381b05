namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>/Security/Typing: the phrase, how many samples are saved, and the form for the next one.</summary>
public class TypingEnrolViewModel
{
    public string? Pattern { get; set; }
    public string Phrase { get; set; } = "";
    public int Samples { get; set; }
    public int Needed { get; set; }
    public bool Enrolled { get; set; }
    public bool Locked { get; set; }
    public string? Message { get; set; }
    public bool MessageIsError { get; set; }
}
