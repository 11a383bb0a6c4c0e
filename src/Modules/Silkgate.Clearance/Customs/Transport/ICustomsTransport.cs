namespace Silkgate.Clearance.Customs.Transport;

/// <summary>
/// Moves DXP envelopes to customs and takes customs' answers. It knows nothing of documents: the queue and the receiver
/// decide what is sent and what an answer means. Both sides are at-least-once; the message guid makes repeats harmless.
/// </summary>
internal interface ICustomsTransport
{
    /// <summary>Returns only once the envelope is durable on the other side (fsynced file, broker-confirmed message).</summary>
    Task SendAsync(OutgoingEnvelope envelope, CancellationToken ct);

    /// <summary>The next answer from customs, or null when none is waiting. It stays with the transport until completed or rejected.</summary>
    Task<IncomingEnvelope?> ReceiveAsync(CancellationToken ct);
}

/// <summary>A complete envelope on its way out; its name is <c>{MsgType}_{guid}</c>, the same for every resend.</summary>
internal sealed record OutgoingEnvelope(string MessageType, string MessageGuid, byte[] Bytes)
{
    public string Name => $"{MessageType}_{MessageGuid}";
}

/// <summary>An answer taken from the transport but not yet settled.</summary>
internal abstract class IncomingEnvelope(string name, ReadOnlyMemory<byte> bytes, string? refusal = null)
{
    /// <summary>Set when the transport already knows the envelope cannot be taken (e.g. too large to read); it is then rejected unread.</summary>
    public string? Refusal { get; } = refusal;

    /// <summary>File name or message id, for logs and the rejected folder.</summary>
    public string Name { get; } = name;

    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <summary>Removes it for good (file deleted, message acked): call only after its effect committed.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    /// <summary>Sets it aside with the reason (rejected folder, rejected queue); it will not be taken again.</summary>
    public abstract Task RejectAsync(string reason, CancellationToken ct);

    /// <summary>Leaves it to be taken again later (its effect could not be stored now).</summary>
    public abstract Task AbandonAsync(CancellationToken ct);
}
