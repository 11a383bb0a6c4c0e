using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs.Declaring;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Limits;
using Silkgate.Clearance.Matching;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Declarations;

/// <summary>
/// The business half of ingest: for each entity of a declaration message, applies the lifecycle (new / change / delete),
/// the import limits, writes the document index and re-evaluates the sale it belongs to, all in the caller's transaction.
/// A refused entity writes nothing.
/// </summary>
internal sealed class DeclarationProcessor(DocumentDecoder decoder, ImportLimitGuard limits, SaleCoordinator sales, SeparateDeclarations separate, CustomsDeclaring customs,
    Database database)
    : IDeclarationProcessor
{
    public async Task<IReadOnlyList<EntityOutcome>> ProcessAsync(IngestContext context, CebMessage message, CancellationToken ct)
    {
        var docs = context.Documents ?? decoder.Decode(message);
        var known = await KnownDocuments.LoadAsync(context, docs, database.Dialect.IsPostgres, ct);
        if (database.Dialect.IsPostgres && docs.Count > 1)
        {
            context.DocumentIds = await DocumentIds.ReserveAsync(context, docs.Count, ct);
        }

        // PostgreSQL, one document: its reads in one round trip (the writer waits for round trips, not for CPU).
        var prefetch = database.Dialect.IsPostgres && docs.Count == 1 && SalePrefetch.Applies(docs[0]) ? await SalePrefetch.LoadAsync(context, docs[0], ct) : null;
        var outcomes = new List<EntityOutcome>(docs.Count);
        foreach (var doc in docs)
        {
            outcomes.Add(await ProcessAsync(context, doc, known, prefetch, ct));
        }

        return outcomes;
    }

    private async Task<EntityOutcome> ProcessAsync(IngestContext c, IncomingDocument doc, KnownDocuments? known, SalePrefetch? prefetch, CancellationToken ct)
    {
        if (!doc.TakesPartInMatching)
        {
            return await separate.ProcessAsync(c, doc, ct);
        }

        var stored = prefetch?.Stored;
        if (prefetch is null && known?.TryGet(doc, out stored) != true)
        {
            stored = await DocumentStore.FindAsync(c, doc.Direction, doc.Kind, doc.BusinessKey, ct);
        }

        var decision = DocumentLifecycle.Decide(stored, doc);
        if (decision.Refusal is { } refused)
        {
            return new EntityOutcome(doc.EntityIndex, refused.Code, refused.ReturnInfo);
        }

        PendingBooking? booking = null;
        if (doc.IsImportList && decision.Action == LifecycleAction.Delete)
        {
            await ImportLimitGuard.ReverseListAsync(c, stored!.Id, "deleted", ct);
        }
        else if (doc.IsImportList)
        {
            (var refusal, booking) = await limits.CheckAsync(c, doc, stored, ct);
            if (refusal is not null)
            {
                return new EntityOutcome(doc.EntityIndex, refusal.Code, refusal.ReturnInfo);
            }
        }

        var status = decision.Action == LifecycleAction.Delete ? DocumentStatus.Deleted
            : doc.AppStatus == 2 ? DocumentStatus.Declared : DocumentStatus.Saved;
        var join = prefetch is not null ? await sales.JoinPrefetchedAsync(c, doc, prefetch, ct) : await SaleCoordinator.JoinAsync(c, doc, stored?.SaleId, ct);
        known?.Touched(join?.Id, stored?.SaleId);
        long id, version;
        switch (decision.Action)
        {
            case LifecycleAction.Insert:
                (id, version) = (await DocumentStore.InsertAsync(c, doc, status, join?.Id, c.ReceivedAt, ct), 1);
                break;
            case LifecycleAction.Delete:
                (id, version) = (stored!.Id, stored.Version + 1);
                await DocumentStore.MarkDeletedAsync(c, id, doc, version, join?.Id, c.ReceivedAt, ct);
                break;
            default:
                (id, version) = (stored!.Id, stored.Version + 1);
                await DocumentStore.ReplaceAsync(c, id, doc, status, version, join?.Id, c.ReceivedAt, ct);
                break;
        }

        await DocumentStore.AddVersionAsync(c, id, version, doc, status, ct);
        if (booking is not null)
        {
            await ImportLimitGuard.BookAsync(c, booking, id, ct);
        }

        if (status == DocumentStatus.Declared)
        {
            CustomsDeclaring.Hold(c, id, doc.EntityIndex);
        }
        else if (stored?.Status == DocumentStatus.Declared)
        {
            await DispatchBuilder.ForgetAsync(c.Writes, c.Transaction, id, ct);
        }

        var sale = await sales.ApplyAsync(c, new SaleDocument(id, doc.Kind, status, doc.Facts), doc, stored?.SaleId, join, ct, prefetch?.SaleDocuments);
        await customs.KeepPendingAsync(c, ct);
        if (doc.Kind == CebDocumentKind.DeclarationList && status == DocumentStatus.Declared)
        {
            var f = doc.Facts;
            c.Outbox.Add(ClearanceEvents.ListDeclared, new ListDeclared(id, sale?.SaleId, DocumentKeys.DirectionCode(doc.Direction), f.EbpCode, f.OrderNo,
                f.CopNo, f.InvtNo, f.TradeMode, c.MessageId));
        }

        return new EntityOutcome(doc.EntityIndex, doc.AppStatus, Accepted(status, sale?.Verdict));
    }

    private static string Accepted(DocumentStatus status, SaleVerdict? verdict)
    {
        var (zh, en) = status switch
        {
            DocumentStatus.Deleted => ("已删除", "deleted"),
            DocumentStatus.Declared => ("已受理申报", "accepted for declaration"),
            _ => ("已保存", "saved"),
        };
        if (verdict is not null)
        {
            (zh, en) = verdict.State switch
            {
                SaleState.Waiting => ($"{zh}；三单对碰等待：{MatchingText.Missing(verdict.Missing).Zh}", $"{en}; matching waits for: {MatchingText.Missing(verdict.Missing).En}"),
                SaleState.Mismatched => ($"{zh}；三单对碰不一致{verdict.Mismatches.Count}项，请核对后变更", $"{en}; {verdict.Mismatches.Count} mismatch(es) found, correct and resend as a change"),
                SaleState.Ready => ($"{zh}；三单对碰一致，待发送海关", $"{en}; documents match, ready to send to customs"),
                _ => ($"{zh}；三单对碰一致", $"{en}; documents match"),
            };
        }

        return Refusal.Truncate($"{zh} | {en}");
    }
}
