using Microsoft.Extensions.Options;
using Silkgate.Ceb;
using Silkgate.Clearance.Customs.Receipts;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Logistics;
using Silkgate.Clearance.Returns;

namespace Silkgate.Clearance.Customs.Declaring;

/// <summary>
/// Documents declared outside a sale: cancellations, returns and tallies (checked against their list), arrivals,
/// departures, master/sub waybills, waybill statuses, deliveries and summary applications (linked to what they carry).
/// Keyed by their own guid; a declared one (appStatus 2) that passes its checks goes to the customs queue at once.
/// </summary>
internal sealed class SeparateDeclarations(CustomsDeclaring customs, IOptions<ReturnOptions> options)
{
    public async Task<EntityOutcome> ProcessAsync(IngestContext c, IncomingDocument doc, CancellationToken ct)
    {
        var stored = await DocumentStore.FindAsync(c, doc.Direction, doc.Kind, doc.BusinessKey, ct);
        if (stored is not null && CustomsStatuses.IsWithCustoms(stored.Status))
        {
            var name = doc.Type;
            return new EntityOutcome(doc.EntityIndex, AlreadyDeclaredCode(doc.Kind), Refusal.Truncate(
                $"{name.ChineseName}[{doc.DocumentGuid}]已经申报过，请勿重复申报 | {name.EnglishName} {doc.DocumentGuid} was already declared"));
        }

        bool declare = doc.AppStatus == 2 && doc.AppType != 3;
        ReferencedList? list = null;
        if (doc.Kind is CebDocumentKind.ListCancel or CebDocumentKind.Return or CebDocumentKind.ReturnTally)
        {
            list = await ReferencedLists.FindAsync(c, doc, ct);
            if (declare && await CheckAsync(c, doc, list, ct) is { } refusal)
            {
                return new EntityOutcome(doc.EntityIndex, refusal.Code, refusal.ReturnInfo);
            }
        }

        var status = doc.AppType == 3 ? DocumentStatus.Deleted : declare ? DocumentStatus.Declared : DocumentStatus.Saved;
        long id, version;
        if (stored is null)
        {
            (id, version) = (await DocumentStore.InsertAsync(c, doc, status, saleId: null, c.ReceivedAt, ct), 1);
        }
        else
        {
            (id, version) = (stored.Id, stored.Version + 1);
            await DocumentStore.ReplaceAsync(c, id, doc, status, version, saleId: null, c.ReceivedAt, ct);
        }

        await DocumentStore.AddVersionAsync(c, id, version, doc, status, ct);
        await DocumentLinks.LinkAsync(c, id, doc, list?.Id, ct);
        bool sent = false;
        if (status == DocumentStatus.Declared)
        {
            CustomsDeclaring.Hold(c, id, doc.EntityIndex);
            sent = await customs.EnqueueAsync(c, id, ct);
            await customs.KeepPendingAsync(c, ct);
        }
        var (zh, en) = status switch
        {
            DocumentStatus.Deleted => ("已删除", "deleted"),
            DocumentStatus.Declared when sent => ("已受理申报，已提交海关", "accepted for declaration and handed to customs"),
            DocumentStatus.Declared => ("已受理申报，待发送海关", "accepted for declaration, waiting to go to customs"),
            _ => ("已保存", "saved"),
        };
        return new EntityOutcome(doc.EntityIndex, status == DocumentStatus.Declared ? 2 : 1, $"{zh} | {en}");
    }

    private async Task<Refusal?> CheckAsync(IngestContext c, IncomingDocument doc, ReferencedList? list, CancellationToken ct)
    {
        var o = options.Value;
        return doc.Kind switch
        {
            CebDocumentKind.ListCancel => ReturnChecks.Cancellation(doc, list, list is not null && await ReferencedLists.HasPendingAsync(c, list.Id, doc.Kind, doc.DocumentGuid, ct), c.ReceivedAt, o),
            CebDocumentKind.Return => ReturnChecks.Return(doc, list, list is not null && await ReferencedLists.HasPendingAsync(c, list.Id, doc.Kind, doc.DocumentGuid, ct), c.ReceivedAt, o),
            _ => ReturnChecks.Tally(doc, list, c.ReceivedAt, o),
        };
    }

    private static int AlreadyDeclaredCode(CebDocumentKind kind) => kind switch
    {
        CebDocumentKind.ListCancel => -623009,
        CebDocumentKind.Return => -625033,
        CebDocumentKind.Delivery => -800003,
        CebDocumentKind.WaybillStatus => -505012,
        _ => -2999,
    };
}
