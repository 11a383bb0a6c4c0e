using Dapper;
using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Ingest;
using Ex = Silkgate.Ceb.Export;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>
/// Summary results (792): one declaration per result (<c>declSeqNo</c>, <c>entryId</c>) and the list items it took
/// (<c>invtNo</c> + <c>gnum</c> → <c>gseqno</c>), kept in <c>clearance_summary_results</c> and its items. The result is a
/// receipt of the summary application customs numbered <c>sumNo</c> (the number its 702 gave), relayed to its sender.
/// </summary>
internal sealed class SummaryResults(ReceiptApplier applier)
{
    public async Task ApplyAsync(IngestContext c, Ex.Ceb792Message message, ReadOnlyMemory<byte> raw, CancellationToken ct)
    {
        foreach (var result in message.SummaryResult)
        {
            var h = result.SummaryResultHead;
            if (h.DeclSeqNo is not { } declSeqNo || h.SumNo is not { } sumNo)
            {
                continue;
            }

            var application = await c.Connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT id FROM clearance_documents WHERE kind = @kind AND customs_no = @sumNo ORDER BY id DESC",
                new { kind = nameof(CebDocumentKind.SummaryApplication), sumNo }, c.Transaction, cancellationToken: ct));
            var resultId = await c.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO clearance_summary_results (decl_seq_no, sum_no, entry_id, dec_state, customs_code, ebc_code, agent_code, op_date, application_document_id, created_at, updated_at) " +
                "VALUES (@declSeqNo, @sumNo, @entry, @state, @customs, @ebc, @agent, @op, @application, @now, @now) ON CONFLICT (decl_seq_no) DO UPDATE SET " +
                "entry_id = COALESCE(excluded.entry_id, clearance_summary_results.entry_id), dec_state = excluded.dec_state, op_date = excluded.op_date, " +
                "updated_at = excluded.updated_at RETURNING id",
                new { declSeqNo, sumNo, entry = h.EntryId, state = h.DecState ?? "", customs = h.CustomsCode ?? "", ebc = h.EbcCode ?? "", agent = h.AgentCode ?? "",
                    op = h.OpDate ?? "", application, now = c.ReceivedAt }, c.Transaction, cancellationToken: ct));
            foreach (var item in result.SummaryResultList)
            {
                var list = item.InvtNo is { } invtNo ? await ReceiptTargets.ListByNumberAsync(c, "E", invtNo, ct) : null;
                await c.Connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO clearance_summary_result_items (result_id, invt_no, gnum, gseqno, logistics_no, gcode, list_document_id) " +
                    "VALUES (@resultId, @invt, @gnum, @gseqno, @logistics, @gcode, @list) ON CONFLICT (result_id, invt_no, gnum) DO NOTHING",
                    new { resultId, invt = item.InvtNo ?? "", gnum = (long)(item.Gnum ?? 0), gseqno = (long)(item.Gseqno ?? 0), logistics = item.LogisticsNo ?? "",
                        gcode = item.Gcode ?? "", list = list?.Id }, c.Transaction, cancellationToken: ct));
            }

            c.Outbox.Add(CustomsEvents.SummaryResultReceived, new SummaryResultReceived(declSeqNo, sumNo, h.EntryId, h.DecState ?? "", h.EbcCode ?? "", result.SummaryResultList.Count));
            if (application is { } id && await ReceiptTargets.ByIdAsync(c, id, ct) is { } doc)
            {
                var bytes = message.SummaryResult.Count == 1 ? raw.ToArray() : CustomsReceiptSink.Alone(message, result);
                await applier.ApplyAsync(c, doc, new ReceiptFacts(message.MessageType.RootName, $"decl:{declSeqNo}:{h.DecState}", h.OpDate ?? "",
                    $"汇总结果：报关单{h.EntryId ?? declSeqNo} | summary result: declaration {h.EntryId ?? declSeqNo}", bytes), ct);
            }
        }
    }
}
