using Dapper;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>Collects the events of one receipt and writes them to <c>clearance_outbox</c> in the receiver's transaction.</summary>
internal sealed class SinkOutbox : IOutbox
{
    private readonly List<(string Type, string Payload)> _events = [];

    public void Add(string eventType, object payload) =>
        _events.Add((eventType, Outbox.EventJson.Serialize(payload)));

    public async Task FlushAsync(IngestContext c, long now, CancellationToken ct)
    {
        foreach (var (type, payload) in _events)
        {
            await c.Connection.ExecuteAsync(new CommandDefinition("INSERT INTO clearance_outbox (type, payload, created_at) VALUES (@type, @payload, @now)",
                new { type, payload, now }, c.Transaction, cancellationToken: ct));
        }

        _events.Clear();
    }
}
