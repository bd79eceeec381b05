namespace TwoFactorDemo.TypingEval;

/// <summary>The typing factor's evaluation, with the app's own matcher and settings. README "Typing rhythm" has the protocol.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            Console.Out.Write(Report.Write(Options.Parse(args)));
            return 0;
        }
        catch (EvaluationRefusedException refused)
        {
            Console.Error.WriteLine($"Cannot evaluate: {refused.Message}");
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }
    }
}
