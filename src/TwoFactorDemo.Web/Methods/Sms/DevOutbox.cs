namespace TwoFactorDemo.Web.Methods.Sms;

/// <summary>
/// The local provider's "phone": the last 200 messages, in memory only (never in the database), shown at
/// <c>/dev/outbox</c> in Development.
/// </summary>
public sealed class DevOutbox
{
    private const int Capacity = 200;
    private readonly LinkedList<DevOutboxMessage> _messages = new();
    private readonly Lock _gate = new();

    public void Add(DevOutboxMessage message)
    {
        lock (_gate)
        {
            _messages.AddFirst(message);
            if (_messages.Count > Capacity)
            {
                _messages.RemoveLast();
            }
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<DevOutboxMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToList();
            }
        }
    }
}
