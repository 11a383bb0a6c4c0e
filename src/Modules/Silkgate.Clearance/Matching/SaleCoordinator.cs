using Microsoft.Extensions.Options;
using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs.Declaring;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Matching;

/// <summary>
/// Joins an accepted document to its sale, re-evaluates the sale with <see cref="SaleMatching"/> and saves the verdict,
/// its mismatches and the integration events. Orders, payments/receipts and lists join by direction + ebpCode + orderNo;
/// a waybill joins the sale whose list names its logisticsCode + logisticsNo, whichever arrives first.
/// </summary>
internal sealed class SaleCoordinator(IOptions<MatchingOptions> options, CustomsDeclaring customs)
{
    private const int SaleIdsPerReservation = 64;

    private readonly Queue<long> _saleIds = new();
    private readonly Lock _saleIdsLock = new();

    /// <summary>
    /// The sale a document joins, found (or, for an order key seen for the first time, created) before the document is
    /// written, so that it is written with its <c>sale_id</c>: null when it joins none yet (a waybill before its list).
    /// </summary>
    public static async Task<SaleRow?> JoinAsync(IngestContext c, IncomingDocument doc, long? previousSaleId, CancellationToken ct)
    {
        var direction = DocumentKeys.DirectionCode(doc.Direction);
        var f = doc.Facts;
        if (doc.JoinsByOrder && f.EbpCode is not null && f.OrderNo is not null)
        {
            return await SaleStore.JoinOrderAsync(c, direction, f.EbpCode, f.OrderNo, c.ReceivedAt, ct);
        }

        if (previousSaleId is { } previous)
        {
            return await SaleStore.GetAsync(c, previous, ct);
        }

        return doc.Kind == CebDocumentKind.Waybill ? await SaleStore.FindByLogisticsAsync(c, direction, f.LogisticsCode, f.LogisticsNo, ct) : null;
    }

    /// <summary>As <see cref="JoinAsync"/> for a document that joins by order, from what <see cref="SalePrefetch"/> read: creates the sale when there is none.</summary>
    public async Task<SaleRow> JoinPrefetchedAsync(IngestContext c, IncomingDocument doc, SalePrefetch prefetch, CancellationToken ct)
    {
        if (prefetch.Sale is { } sale)
        {
            return sale;
        }

        var id = await NextSaleIdAsync(c, ct);
        return await SaleStore.CreateAsync(c, id, DocumentKeys.DirectionCode(doc.Direction), doc.Facts.EbpCode!, doc.Facts.OrderNo!, c.ReceivedAt, ct);
    }

    /// <summary>A reserved sale id; reserved in blocks, so that most new sales cost no round trip (unused ones are gaps, as after a rollback).</summary>
    private async Task<long> NextSaleIdAsync(IngestContext c, CancellationToken ct)
    {
        lock (_saleIdsLock)
        {
            if (_saleIds.TryDequeue(out var id))
            {
                return id;
            }
        }

        var ids = await SaleStore.ReserveIdsAsync(c, SaleIdsPerReservation, ct);
        lock (_saleIdsLock)
        {
            foreach (var reserved in ids.Skip(1))
            {
                _saleIds.Enqueue(reserved);
            }
        }

        return ids[0];
    }

    /// <summary>
    /// Re-evaluates the sale <paramref name="sale"/> (from <see cref="JoinAsync"/>) now that the document is written with it.
    /// <paramref name="prefetched"/>: the sale's documents as read before the document was written (<see cref="SalePrefetch"/>); they
    /// stand for a new read unless a list links another waybill to the sale.
    /// </summary>
    public async Task<(long SaleId, SaleVerdict Verdict)?> ApplyAsync(IngestContext c, SaleDocument written, IncomingDocument doc, long? previousSaleId, SaleRow? sale,
        CancellationToken ct, IReadOnlyList<SaleDocument>? prefetched = null)
    {
        if (sale is null)
        {
            return null;
        }

        if (doc.Kind == CebDocumentKind.DeclarationList && doc.AppType != 3)
        {
            var linked = await LinkWaybillAsync(c, sale, doc, ct);
            if (!ReferenceEquals(linked, sale))
            {
                prefetched = null;
            }

            sale = linked;
        }

        if (previousSaleId is { } old && old != sale.Id)
        {
            await EvaluateAsync(c, await SaleStore.GetAsync(c, old, ct), null, null, alone: false, ct);
        }

        string? zone = doc.Kind == CebDocumentKind.DeclarationList || previousSaleId is null ? c.SenderZoneCode : null;
        // A sale this document created has no other documents, unless its list just linked a waybill to it.
        var alone = sale.IsNew && doc.Kind != CebDocumentKind.DeclarationList;
        var verdict = await EvaluateAsync(c, sale, zone, written, alone, ct, prefetched);
        if (verdict.State == SaleState.Ready)
        {
            // Also after a rejected document was corrected: whatever of a ready sale is declared and not yet sent goes.
            await customs.EnqueueSaleAsync(c, sale.Id, zone ?? sale.ZoneCode, ct);
        }

        return (sale.Id, verdict);
    }

    /// <summary>The list names the sale's waybill: a new logistics number unlinks the old waybill and links the one it names.</summary>
    private static async Task<SaleRow> LinkWaybillAsync(IngestContext c, SaleRow sale, IncomingDocument list, CancellationToken ct)
    {
        var f = list.Facts;
        if (sale.LogisticsCode == f.LogisticsCode && sale.LogisticsNo == f.LogisticsNo)
        {
            return sale;
        }

        if (sale.LogisticsCode is not null || sale.LogisticsNo is not null)
        {
            await DocumentStore.DetachWaybillsAsync(c, sale.Id, ct);
        }

        await DocumentStore.AttachWaybillAsync(c, list.Direction, DocumentKeys.Join(f.LogisticsCode, f.LogisticsNo), sale.Id, ct);
        return sale.WithLogistics(f.LogisticsCode, f.LogisticsNo);
    }

    /// <summary>Matches the sale's documents: those stored (none when <paramref name="alone"/>), and <paramref name="written"/> as it was just written.</summary>
    private async Task<SaleVerdict> EvaluateAsync(IngestContext c, SaleRow row, string? zone, SaleDocument? written, bool alone, CancellationToken ct,
        IReadOnlyList<SaleDocument>? prefetched = null)
    {
        long saleId = row.Id;
        var direction = DocumentKeys.DirectionOf(row.Direction);
        var stored = alone ? []
            : prefetched is not null ? prefetched.Where(d => d.Id != (written?.Id ?? 0)).ToList()
            : await DocumentStore.LoadSaleAsync(c, saleId, written?.Id ?? 0, ct);
        var docs = new SaleDocuments(direction, written is null ? stored : stored.Append(written).OrderBy(d => d.Id));
        var verdict = SaleMatching.Evaluate(docs, options.Value);
        var before = Enum.Parse<SaleState>(row.State);
        bool wasMatched = before is SaleState.Matched or SaleState.Ready;
        bool isMatched = verdict.State is SaleState.Matched or SaleState.Ready;
        bool keepsWaiting = verdict.State == SaleState.Waiting && before == SaleState.Waiting;
        long now = c.ReceivedAt;
        var parties = new SaleParties(docs.List?.EbcCode ?? docs.Order?.EbcCode, docs.Payment?.PayCode ?? docs.Order?.PayCode, docs.List?.AgentCode, zone);

        await SaleStore.SaveAsync(c, row, verdict, parties,
            waitingSince: verdict.State == SaleState.Waiting ? (keepsWaiting ? row.WaitingSinceAt ?? now : now) : null,
            warned: keepsWaiting && row.Warned == 1,
            matchedAt: isMatched ? (wasMatched ? row.MatchedAt ?? now : now) : null, now, ct);
        if (row.MismatchCount > 0 || verdict.Mismatches.Count > 0)
        {
            await SaleStore.ReplaceMismatchesAsync(c, saleId, verdict.Mismatches, now, ct);
        }

        if (isMatched && !wasMatched)
        {
            c.Outbox.Add(ClearanceEvents.SaleMatched, new SaleMatched(saleId, row.EbpCode, row.OrderNo, verdict.Mode, row.Direction));
        }

        if (verdict.State == SaleState.Ready && before != SaleState.Ready)
        {
            c.Outbox.Add(ClearanceEvents.SaleReady, new SaleReady(saleId, row.EbpCode, row.OrderNo, verdict.Mode, row.Direction));
        }

        return verdict;
    }
}
