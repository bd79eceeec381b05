namespace TwoFactorDemo.Web.Methods.Typing;

/// <summary>The <c>TwoFactor:Typing</c> section.</summary>
public class TypingOptions
{
    public const string Section = "TwoFactor:Typing";

    /// <summary>The fixed phrase people type (shown on the page).</summary>
    public string Phrase { get; set; } = "I am authenticated by the way I type";

    /// <summary>Scaled-Manhattan score (mean deviations in MADs) at or below which a sample is accepted.</summary>
    public double Threshold { get; set; } = 3.0;

    /// <summary>Samples needed to enrol (3 at least; 5 give a steadier profile).</summary>
    public int EnrolmentSamples { get; set; } = 3;

    /// <summary>How many recent accepted samples the profile keeps (a moving window that follows slow drift).</summary>
    public int ProfileWindow { get; set; } = 10;
}
