using Dapper;
using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Customs.Queries;

/// <summary>Reads customs statuses, receipts, tax bills and summary results (read side of the receipt sink).</summary>
internal sealed class CustomsRecords(Database database) : ICustomsRecords
{
    private const string StatusColumns = "id AS DocumentId, kind AS Kind, direction AS Direction, status AS Status, customs_status AS CustomsCode, " +
        "customs_info AS CustomsInfo, invt_no AS InvtNo, pre_no AS PreNo, customs_no AS CustomsNo, released_at AS ReleasedAt";

    public async Task<DocumentCustomsStatus?> DocumentStatusAsync(long documentId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<DocumentCustomsStatus>(new CommandDefinition(
            $"SELECT {StatusColumns} FROM clearance_documents WHERE id = @documentId", new { documentId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<TaxBill>> TaxBillsAsync(string invtNo, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return (await c.QueryAsync<TaxBill>(new CommandDefinition(
            "SELECT tax_no AS TaxNo, invt_no AS InvtNo, list_document_id AS ListDocumentId, customs_tax_units AS CustomsTaxUnits, value_added_tax_units AS ValueAddedTaxUnits, " +
            "consumption_tax_units AS ConsumptionTaxUnits, status AS Status, ent_duty_no AS EntDutyNo, assure_code AS AssureCode, return_time AS ReturnTime " +
            "FROM clearance_tax_bills WHERE invt_no = @invtNo ORDER BY id", new { invtNo }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<SummaryResult>> SummaryResultsForListAsync(string invtNo, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var heads = (await c.QueryAsync<(long Id, string DeclSeqNo, string SumNo, string? EntryId, string DecState, string EbcCode, string OpDate)>(new CommandDefinition(
            "SELECT r.id, r.decl_seq_no, r.sum_no, r.entry_id, r.dec_state, r.ebc_code, r.op_date FROM clearance_summary_results r " +
            "WHERE EXISTS (SELECT 1 FROM clearance_summary_result_items i WHERE i.result_id = r.id AND i.invt_no = @invtNo) ORDER BY r.id",
            new { invtNo }, cancellationToken: ct))).ToList();
        var results = new List<SummaryResult>(heads.Count);
        foreach (var h in heads)
        {
            var items = await c.QueryAsync<SummaryResultItem>(new CommandDefinition(
                "SELECT invt_no AS InvtNo, gnum AS Gnum, gseqno AS Gseqno, logistics_no AS LogisticsNo, gcode AS Gcode FROM clearance_summary_result_items " +
                "WHERE result_id = @id ORDER BY gseqno, invt_no, gnum", new { id = h.Id }, cancellationToken: ct));
            results.Add(new SummaryResult(h.DeclSeqNo, h.SumNo, h.EntryId, h.DecState, h.EbcCode, h.OpDate, items.ToList()));
        }

        return results;
    }

    /// <summary>The customs side of a sale: its documents and those linked to them, with every receipt they received.</summary>
    internal async Task<SaleCustomsView> SaleAsync(long saleId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        const string Ids = "SELECT id FROM clearance_documents WHERE sale_id = @saleId UNION " +
            "SELECT l.document_id FROM clearance_document_links l JOIN clearance_documents s ON s.id = l.linked_document_id WHERE s.sale_id = @saleId";
        var documents = await c.QueryAsync<DocumentCustomsStatus>(new CommandDefinition(
            $"SELECT {StatusColumns} FROM clearance_documents WHERE id IN ({Ids}) ORDER BY id", new { saleId }, cancellationToken: ct));
        var receipts = await c.QueryAsync<ReceiptRow>(new CommandDefinition(
            "SELECT r.document_id AS DocumentId, d.kind AS Kind, r.receipt_type AS ReceiptType, r.return_status AS ReturnStatus, r.return_time AS ReturnTime, " +
            "r.return_info AS ReturnInfo, r.status_before AS StatusBefore, r.status_after AS StatusAfter, r.moved AS Moved, r.received_at AS ReceivedAt " +
            $"FROM clearance_document_receipts r JOIN clearance_documents d ON d.id = r.document_id WHERE r.document_id IN ({Ids}) ORDER BY r.received_at, r.id",
            new { saleId }, cancellationToken: ct));
        return new SaleCustomsView(documents.ToList(), receipts.Select(r => new CustomsReceiptEntry(r.DocumentId, r.Kind, r.ReceiptType, r.ReturnStatus,
            r.ReturnTime, r.ReturnInfo, r.StatusBefore, r.StatusAfter, r.Moved == 1, r.ReceivedAt)).ToList());
    }

    private sealed record ReceiptRow(long DocumentId, string Kind, string ReceiptType, string ReturnStatus, string ReturnTime, string ReturnInfo,
        string StatusBefore, string StatusAfter, long Moved, long ReceivedAt);
}
