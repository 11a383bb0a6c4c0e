using System.Text.Json;
using Dapper;
using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>A document as the receipt sink needs it.</summary>
internal sealed record TargetDocument(long Id, string Kind, string Direction, string Status, string? CustomsStatusTime, long? SaleId, string? EbpCode,
    string? OrderNo, string? InvtNo, long MessageId, long SenderEnterpriseId, long? ReleasedAt, string Facts, string DocumentGuid)
{
    public DocumentStatus CurrentStatus => Enum.Parse<DocumentStatus>(Status);

    public CebDocumentKind DocumentKind => Enum.Parse<CebDocumentKind>(Kind);
}

/// <summary>
/// Finds the document a receipt entity concerns, by the keys that receipt carries (fields lists, ceb/fields): first the
/// guid customs copies from the declaration, then the business key (orderNo + ebpCode, payCode + payTransactionId,
/// logisticsCode + logisticsNo), then the enterprise's own number (copNo/coElNo with the declarant), the customs list
/// number and the pre-entry number.
/// </summary>
internal static class ReceiptTargets
{
    internal const string Columns = "id AS Id, kind AS Kind, direction AS Direction, status AS Status, customs_status_time AS CustomsStatusTime, sale_id AS SaleId, " +
        "ebp_code AS EbpCode, order_no AS OrderNo, invt_no AS InvtNo, message_id AS MessageId, sender_enterprise_id AS SenderEnterpriseId, " +
        "released_at AS ReleasedAt, facts AS Facts, document_guid AS DocumentGuid";

    public static async Task<TargetDocument?> FindAsync(IngestContext c, CebMessageType receipt, CebEntity entity, CancellationToken ct)
    {
        string? F(string name) => entity.GetFieldText(name) is { Length: > 0 } v ? v.Trim() : null;
        var kind = receipt.Kind.ToString();
        var direction = DocumentKeys.DirectionCode(receipt.Direction);

        if (F("guid") is { } guid && await OneAsync(c, "document_guid = @guid AND kind = @kind AND direction = @direction", new { guid, kind, direction }, ct) is { } byGuid)
        {
            return byGuid;
        }

        var key = receipt.Kind switch
        {
            CebDocumentKind.Order or CebDocumentKind.PaymentReceipt or CebDocumentKind.DeclarationList when F("ebpCode") is not null && F("orderNo") is not null
                => DocumentKeys.Join(F("ebpCode"), F("orderNo")),
            CebDocumentKind.Payment when F("payCode") is not null => DocumentKeys.Join(F("payCode"), F("payTransactionId")),
            CebDocumentKind.Waybill when F("logisticsCode") is not null => DocumentKeys.Join(F("logisticsCode"), F("logisticsNo")),
            _ => null,
        };
        if (key is not null && await OneAsync(c, "business_key = @key AND kind = @kind AND direction = @direction", new { key, kind, direction }, ct) is { } byKey)
        {
            return byKey;
        }

        if ((F("copNo") ?? F("coElNo")) is { } copNo)
        {
            var candidates = await ManyAsync(c, "cop_no = @copNo AND kind = @kind AND direction = @direction", new { copNo, kind, direction }, ct);
            var declarant = F("agentCode") ?? F("ebcCode") ?? F("logisticsCode") ?? F("operatorCode");
            var match = candidates.Where(d => declarant is null || NamesParty(d.Facts, declarant)).ToList();
            if (match.Count == 1)
            {
                return match[0];
            }
        }

        if (receipt.Kind == CebDocumentKind.DeclarationList && F("invtNo") is { } invtNo
            && await OneAsync(c, "invt_no = @invtNo AND kind = @kind AND direction = @direction", new { invtNo, kind, direction }, ct) is { } byInvt)
        {
            return byInvt;
        }

        return F("preNo") is { } preNo ? await OneAsync(c, "pre_no = @preNo AND kind = @kind AND direction = @direction", new { preNo, kind, direction }, ct) : null;
    }

    /// <summary>The import or export list customs numbered <paramref name="invtNo"/>.</summary>
    public static Task<TargetDocument?> ListByNumberAsync(IngestContext c, string direction, string invtNo, CancellationToken ct) =>
        OneAsync(c, "invt_no = @invtNo AND kind = @kind AND direction = @direction", new { invtNo, kind = nameof(CebDocumentKind.DeclarationList), direction }, ct);

    public static Task<TargetDocument?> ByIdAsync(IngestContext c, long id, CancellationToken ct) => OneAsync(c, "id = @id", new { id }, ct);

    private static async Task<TargetDocument?> OneAsync(IngestContext c, string where, object args, CancellationToken ct)
    {
        var rows = await ManyAsync(c, where, args, ct);
        return rows.Count == 1 ? rows[0] : null;
    }

    private static async Task<List<TargetDocument>> ManyAsync(IngestContext c, string where, object args, CancellationToken ct) =>
        (await c.Connection.QueryAsync<TargetDocument>(new CommandDefinition($"SELECT {Columns} FROM clearance_documents WHERE {where} LIMIT 5",
            args, c.Transaction, cancellationToken: ct))).ToList();

    private static bool NamesParty(string factsJson, string code)
    {
        var f = JsonSerializer.Deserialize<DocumentFacts>(factsJson);
        return f is not null && (f.AgentCode == code || f.EbcCode == code || f.LogisticsCode == code || f.EbpCode == code);
    }
}
