namespace Silkgate.Clearance.Outbox;

/// <summary>Integration events the gateway publishes (payloads are camelCase JSON).</summary>
internal static class ClearanceEvents
{
    /// <summary>A readable, schema-valid declaration was stored and answered. Payload: <see cref="MessageReceived"/>.</summary>
    public const string MessageReceived = "clearance.message-received";
}

/// <summary>Payload of <see cref="ClearanceEvents.MessageReceived"/>; <paramref name="Statuses"/> per business entity in document order.</summary>
internal sealed record MessageReceived(long MessageId, string? Guid, string MessageType, long SenderEnterpriseId, long ReceivedAt, string ReceiptType, IReadOnlyList<int> Statuses);
