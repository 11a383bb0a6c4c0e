using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Outbox;

/// <summary>Collects the integration events of one message; the batch writer inserts them in the batch transaction.</summary>
internal sealed class BatchOutbox : IOutbox
{
    private readonly List<(string Type, string Payload)> _events = [];

    public IReadOnlyList<(string Type, string Payload)> Events => _events;

    public void Add(string eventType, object payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        _events.Add((eventType, EventJson.Serialize(payload)));
    }

    public void Clear() => _events.Clear();
}
