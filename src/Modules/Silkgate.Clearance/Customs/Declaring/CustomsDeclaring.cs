using Dapper;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Declaring;

/// <summary>
/// Hands declared documents to the customs queue inside the ingest transaction and marks them sent to customs, so that
/// from then on they can only be cancelled or returned. Without a registered queue (no transport configured) nothing is
/// enqueued and the documents stay declared.
/// </summary>
internal sealed class CustomsDeclaring(IEnumerable<ICustomsQueue> queues)
{
    private readonly ICustomsQueue? _queue = queues.LastOrDefault();

    /// <summary>Every declared, not yet sent document of a ready sale.</summary>
    public async Task EnqueueSaleAsync(IngestContext c, long saleId, CancellationToken ct)
    {
        var ids = await c.Connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM clearance_documents WHERE sale_id = @saleId AND status = @declared ORDER BY id",
            new { saleId, declared = nameof(DocumentStatus.Declared) }, c.Transaction, cancellationToken: ct));
        foreach (var id in ids)
        {
            await EnqueueAsync(c, id, ct);
        }
    }

    /// <summary>One document (a cancellation, return or logistics document declared on its own).</summary>
    public async Task<bool> EnqueueAsync(IngestContext c, long documentId, CancellationToken ct)
    {
        if (_queue is null || await DispatchBuilder.BuildAsync(c.Connection, c.Transaction, documentId, ct) is not { } dispatch)
        {
            return false;
        }

        await _queue.EnqueueAsync(c.Connection, c.Transaction, dispatch, ct);
        await DocumentStore.MarkSentToCustomsAsync(c.Connection, c.Transaction, documentId, c.ReceivedAt, ct);
        c.Outbox.Add(CustomsEvents.DocumentEnqueued, new DocumentEnqueued(documentId, dispatch.MessageType, dispatch.MessageGuid, dispatch.SenderEnterpriseId));
        return true;
    }
}
