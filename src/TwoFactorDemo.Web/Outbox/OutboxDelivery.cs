namespace TwoFactorDemo.Web.Outbox;

/// <summary>What a user waiting for a mail is told: it is being sent, it was sent, or it could not be sent.</summary>
public enum OutboxDelivery
{
    Sending,
    Sent,
    Failed,
}
