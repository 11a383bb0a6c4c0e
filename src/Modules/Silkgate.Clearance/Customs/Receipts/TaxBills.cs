using Dapper;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>
/// Electronic tax bills of import lists (816) and their status (818: 1 generated, 2 summarised, 3 void), kept per tax
/// number in <c>clearance_tax_bills</c>; a later bill or status (by returnTime) replaces an earlier one. Each is also a
/// receipt of its list: history, relay to the list's sender.
/// </summary>
internal sealed class TaxBills(ReceiptApplier applier)
{
    public async Task ApplyBillsAsync(IngestContext c, Im.Ceb816Message message, ReadOnlyMemory<byte> raw, CancellationToken ct)
    {
        foreach (var tax in message.Tax)
        {
            var h = tax.TaxHeadRd;
            if (h.TaxNo is not { } taxNo || h.InvtNo is not { } invtNo)
            {
                continue;
            }

            var list = await ReceiptTargets.ListByNumberAsync(c, "I", invtNo, ct);
            var bill = new TaxBillChanged(taxNo, invtNo, list?.Id, h.Status ?? "1", DocumentDecoder.Units(h.CustomsTax) ?? 0,
                DocumentDecoder.Units(h.ValueAddedTax) ?? 0, DocumentDecoder.Units(h.ConsumptionTax) ?? 0);
            var changed = await c.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO clearance_tax_bills (tax_no, invt_no, list_document_id, customs_tax_units, value_added_tax_units, consumption_tax_units, status, " +
                "ent_duty_no, assure_code, return_time, created_at, updated_at) VALUES (@TaxNo, @InvtNo, @ListDocumentId, @CustomsTaxUnits, @ValueAddedTaxUnits, " +
                "@ConsumptionTaxUnits, @Status, @duty, @assure, @time, @now, @now) ON CONFLICT (tax_no) DO UPDATE SET customs_tax_units = excluded.customs_tax_units, " +
                "value_added_tax_units = excluded.value_added_tax_units, consumption_tax_units = excluded.consumption_tax_units, status = excluded.status, " +
                "ent_duty_no = excluded.ent_duty_no, assure_code = excluded.assure_code, return_time = excluded.return_time, updated_at = excluded.updated_at " +
                "WHERE excluded.return_time > clearance_tax_bills.return_time",
                new { bill.TaxNo, bill.InvtNo, bill.ListDocumentId, bill.CustomsTaxUnits, bill.ValueAddedTaxUnits, bill.ConsumptionTaxUnits, bill.Status,
                    duty = h.EntDutyNo, assure = h.AssureCode, time = h.ReturnTime ?? "", now = c.ReceivedAt }, c.Transaction, cancellationToken: ct));
            if (changed > 0)
            {
                c.Outbox.Add(CustomsEvents.TaxBillChanged, bill);
            }

            if (list is not null)
            {
                var bytes = message.Tax.Count == 1 ? raw.ToArray() : CustomsReceiptSink.Alone(message, tax);
                await applier.ApplyAsync(c, list, new ReceiptFacts(message.MessageType.RootName, $"tax:{bill.Status}", h.ReturnTime ?? "", TaxText(bill), bytes), ct);
            }
        }
    }

    public async Task ApplyStatusesAsync(IngestContext c, Im.Ceb818Message message, ReadOnlyMemory<byte> raw, CancellationToken ct)
    {
        foreach (var tax in message.Tax)
        {
            var h = tax.TaxHeadStatus;
            if (h.TaxNo is not { } taxNo || h.InvtNo is not { } invtNo)
            {
                continue;
            }

            var changed = await c.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE clearance_tax_bills SET status = @status, ent_duty_no = COALESCE(@duty, ent_duty_no), return_time = @time, updated_at = @now " +
                "WHERE tax_no = @taxNo AND return_time < @time",
                new { taxNo, status = h.Status ?? "", duty = h.EntDutyNo, time = h.ReturnTime ?? "", now = c.ReceivedAt }, c.Transaction, cancellationToken: ct));
            var row = await c.Connection.QuerySingleOrDefaultAsync<TaxBillChanged>(new CommandDefinition(
                "SELECT tax_no AS TaxNo, invt_no AS InvtNo, list_document_id AS ListDocumentId, status AS Status, customs_tax_units AS CustomsTaxUnits, " +
                "value_added_tax_units AS ValueAddedTaxUnits, consumption_tax_units AS ConsumptionTaxUnits FROM clearance_tax_bills WHERE tax_no = @taxNo",
                new { taxNo }, c.Transaction, cancellationToken: ct));
            if (changed > 0 && row is not null)
            {
                c.Outbox.Add(CustomsEvents.TaxBillChanged, row);
            }

            if (await ReceiptTargets.ListByNumberAsync(c, "I", invtNo, ct) is { } list)
            {
                var bytes = message.Tax.Count == 1 ? raw.ToArray() : CustomsReceiptSink.Alone(message, tax);
                await applier.ApplyAsync(c, list, new ReceiptFacts(message.MessageType.RootName, $"tax:{h.Status}", h.ReturnTime ?? "",
                    $"电子税单{taxNo}状态{h.Status} | tax bill {taxNo} status {h.Status}", bytes), ct);
            }
        }
    }

    private static string TaxText(TaxBillChanged b) =>
        $"电子税单{b.TaxNo}：关税{Yuan(b.CustomsTaxUnits)}，增值税{Yuan(b.ValueAddedTaxUnits)}，消费税{Yuan(b.ConsumptionTaxUnits)} | " +
        $"tax bill {b.TaxNo}: duty {Yuan(b.CustomsTaxUnits)}, VAT {Yuan(b.ValueAddedTaxUnits)}, consumption tax {Yuan(b.ConsumptionTaxUnits)}";

    private static string Yuan(long units) => new Kernel.Values.Amount(units).ToString();
}
