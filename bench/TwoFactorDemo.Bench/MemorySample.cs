namespace TwoFactorDemo.Bench;

/// <summary>Resident memory at a moment of the soak.</summary>
public sealed record MemorySample(TimeSpan At, long Bytes)
{
    public double Megabytes => Bytes / 1048576d;
}
