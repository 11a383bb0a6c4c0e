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

    private static readonly HotSql DeclaredOfSale = new(
        $"SELECT id, sender_enterprise_id FROM clearance_documents WHERE sale_id = $1 AND status = '{nameof(DocumentStatus.Declared)}' ORDER BY id");

    private static readonly HotSql TakeKeptOfSale = new(
        "DELETE FROM clearance_document_dispatches WHERE document_id IN " +
        $"(SELECT id FROM clearance_documents WHERE sale_id = $1 AND status = '{nameof(DocumentStatus.Declared)}') " +
        "RETURNING document_id, message_type, message_guid, message, message_id");

    /// <summary>
    /// Every declared, not yet sent document of a ready sale. The sale's kept messages are taken in one statement and the
    /// documents marked in one (each queue entry is one run of a prepared insert): a ready sale is the most frequent moment
    /// of the writer, four documents at once. <paramref name="zoneCode"/> is the sale's zone, as just saved.
    /// </summary>
    public async Task EnqueueSaleAsync(IngestContext c, long saleId, string? zoneCode, CancellationToken ct)
    {
        if (_queue is null)
        {
            return;
        }

        var documents = new List<(long Id, long Sender)>(4);
        await using (var rows = await c.Statement(DeclaredOfSale).Add(saleId).QueryAsync(ct))
        {
            while (await rows.ReadAsync(ct))
            {
                documents.Add((rows.Int64(0), rows.Int64(1)));
            }
        }

        if (documents.Count == 0)
        {
            return;
        }

        var kept = new Dictionary<long, KeptDispatch>();
        await using (var rows = await c.Statement(TakeKeptOfSale).Add(saleId).QueryAsync(ct))
        {
            while (await rows.ReadAsync(ct))
            {
                kept[rows.Int64(0)] = new KeptDispatch(rows.Text(1), rows.Text(2), rows.IsNull(3) ? null : rows.Blob(3), rows.Int64OrNull(4));
            }
        }

        var sent = new List<CustomsDispatch>(documents.Count);
        foreach (var (id, sender) in documents)
        {
            CustomsDispatch? dispatch;
            if (c.Pending is { } p && p.DocumentId == id)
            {
                c.Pending = null;
                dispatch = CustomsDispatch.Of(id, sender, p.Dispatch, c.MessageId);
            }
            else if (kept.TryGetValue(id, out var k))
            {
                dispatch = new CustomsDispatch(id, sender, k.MessageType, k.MessageGuid, k.Message, k.MessageId);
            }
            else
            {
                dispatch = await DispatchBuilder.BuildAsync(c.Connection, c.Transaction, id, ct);
            }

            if (dispatch is not null)
            {
                sent.Add(dispatch);
            }
        }

        await _queue.EnqueueSaleAsync(c, sent, zoneCode, ct);
        foreach (var dispatch in sent)
        {
            c.Outbox.Add(CustomsEvents.DocumentEnqueued, new DocumentEnqueued(dispatch.DocumentId, dispatch.MessageType, dispatch.MessageGuid, dispatch.SenderEnterpriseId));
        }

        if (sent.Count == documents.Count)
        {
            await DocumentStore.MarkSaleSentToCustomsAsync(c, saleId, ct);
        }
        else
        {
            foreach (var dispatch in sent)
            {
                await DocumentStore.MarkSentToCustomsAsync(c.Writes, c.Transaction, dispatch.DocumentId, c.ReceivedAt, ct);
            }
        }
    }

    /// <summary>
    /// A declared document was just stored: its dispatch waits in the context (<see cref="IngestContext.Pending"/>) so that
    /// the queue can take it directly when the sale turns ready in the same call; call <see cref="KeepPendingAsync"/> after.
    /// </summary>
    public static void Hold(IngestContext c, long documentId, int entityIndex)
    {
        c.Pending = c.DispatchOf(entityIndex) is { } dispatch ? (documentId, dispatch) : null;
    }

    /// <summary>Keeps the held dispatch the queue did not take, until the document's sale is ready.</summary>
    public async Task KeepPendingAsync(IngestContext c, CancellationToken ct)
    {
        if (c.Pending is { } p)
        {
            c.Pending = null;
            if (_queue is not null)
            {
                await DispatchBuilder.KeepAsync(c, p.DocumentId, p.Dispatch, ct);
            }
        }
    }

    /// <summary>One document (a cancellation, return or logistics document declared on its own).</summary>
    public async Task<bool> EnqueueAsync(IngestContext c, long documentId, CancellationToken ct)
    {
        if (_queue is null)
        {
            return false;
        }

        CustomsDispatch? dispatch;
        if (c.Pending is { } p && p.DocumentId == documentId)
        {
            c.Pending = null;
            dispatch = CustomsDispatch.Of(documentId, c.SenderEnterpriseId, p.Dispatch, c.MessageId);
        }
        else
        {
            dispatch = await DispatchBuilder.TakeAsync(c.Connection, c.Transaction, documentId, ct);
        }

        if (dispatch is null)
        {
            return false;
        }

        await _queue.EnqueueAsync(c.Writes, c.Transaction, dispatch, ct);
        await DocumentStore.MarkSentToCustomsAsync(c.Writes, c.Transaction, documentId, c.ReceivedAt, ct);
        c.Outbox.Add(CustomsEvents.DocumentEnqueued, new DocumentEnqueued(documentId, dispatch.MessageType, dispatch.MessageGuid, dispatch.SenderEnterpriseId));
        return true;
    }

    private sealed record KeptDispatch(string MessageType, string MessageGuid, byte[]? Message, long? MessageId);
}
