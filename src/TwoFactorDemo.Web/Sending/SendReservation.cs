namespace TwoFactorDemo.Web.Sending;

/// <summary>A send reserved under the limits (<see cref="Id"/>, its record), or refused until <see cref="RefusedUntil"/>.</summary>
public sealed record SendReservation(long? Id, DateTimeOffset? RefusedUntil)
{
    public bool Reserved => Id is not null;
}
