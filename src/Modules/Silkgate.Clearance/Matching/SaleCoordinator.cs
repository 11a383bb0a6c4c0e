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
    public async Task<(long SaleId, SaleVerdict Verdict)?> ApplyAsync(IngestContext c, long documentId, IncomingDocument doc, long? previousSaleId, CancellationToken ct)
    {
        var direction = DocumentKeys.DirectionCode(doc.Direction);
        var f = doc.Facts;
        long? saleId = previousSaleId;
        if (doc.JoinsByOrder && f.EbpCode is not null && f.OrderNo is not null)
        {
            saleId = await SaleStore.FindOrCreateAsync(c, direction, f.EbpCode, f.OrderNo, c.ReceivedAt, ct);
        }
        else if (doc.Kind == CebDocumentKind.Waybill)
        {
            saleId ??= await SaleStore.FindByLogisticsAsync(c, direction, f.LogisticsCode, f.LogisticsNo, ct);
        }

        if (saleId is null)
        {
            return null;
        }

        await DocumentStore.SetSaleAsync(c, documentId, saleId, ct);
        if (doc.Kind == CebDocumentKind.DeclarationList && doc.AppType != 3)
        {
            await LinkWaybillAsync(c, saleId.Value, doc, ct);
        }

        if (previousSaleId is { } old && old != saleId)
        {
            await EvaluateAsync(c, old, null, ct);
        }

        string? zone = doc.Kind == CebDocumentKind.DeclarationList || previousSaleId is null ? c.SenderZoneCode : null;
        var verdict = await EvaluateAsync(c, saleId.Value, zone, ct);
        if (verdict.State == SaleState.Ready)
        {
            // Also after a rejected document was corrected: whatever of a ready sale is declared and not yet sent goes.
            await customs.EnqueueSaleAsync(c, saleId.Value, ct);
        }

        return (saleId.Value, verdict);
    }

    private static async Task LinkWaybillAsync(IngestContext c, long saleId, IncomingDocument list, CancellationToken ct)
    {
        var sale = await SaleStore.GetAsync(c, saleId, ct);
        var f = list.Facts;
        if (sale.LogisticsCode == f.LogisticsCode && sale.LogisticsNo == f.LogisticsNo)
        {
            return;
        }

        await DocumentStore.DetachWaybillsAsync(c, saleId, ct);
        await SaleStore.SetLogisticsAsync(c, saleId, f.LogisticsCode, f.LogisticsNo, ct);
        var waybill = await DocumentStore.FindAsync(c, list.Direction, CebDocumentKind.Waybill, DocumentKeys.Join(f.LogisticsCode, f.LogisticsNo), ct);
        if (waybill is not null)
        {
            await DocumentStore.SetSaleAsync(c, waybill.Id, saleId, ct);
        }
    }

    private async Task<SaleVerdict> EvaluateAsync(IngestContext c, long saleId, string? zone, CancellationToken ct)
    {
        var row = await SaleStore.GetAsync(c, saleId, ct);
        var direction = DocumentKeys.DirectionOf(row.Direction);
        var docs = new SaleDocuments(direction, await DocumentStore.LoadSaleAsync(c, saleId, ct));
        var verdict = SaleMatching.Evaluate(docs, options.Value);
        var before = Enum.Parse<SaleState>(row.State);
        bool wasMatched = before is SaleState.Matched or SaleState.Ready;
        bool isMatched = verdict.State is SaleState.Matched or SaleState.Ready;
        bool keepsWaiting = verdict.State == SaleState.Waiting && before == SaleState.Waiting;
        long now = c.ReceivedAt;
        var parties = new SaleParties(docs.List?.EbcCode ?? docs.Order?.EbcCode, docs.Payment?.PayCode ?? docs.Order?.PayCode, docs.List?.AgentCode, zone);

        await SaleStore.SaveAsync(c, saleId, verdict, parties,
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
