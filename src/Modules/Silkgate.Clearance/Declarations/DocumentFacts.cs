using System.Text.Json;
using System.Text.Json.Serialization;
using Silkgate.Ceb;

namespace Silkgate.Clearance.Declarations;

/// <summary>
/// The decoded facts of one business document that matching, limits and statistics need. Amounts are
/// <see cref="Kernel.Values.Amount"/> units (1/100000). Personal data (names, id numbers, phones, addresses) is kept
/// only as a keyed hash for comparison and a masked form for display (<see cref="ProtectedText"/>); the full text
/// stays in the raw evidence store.
/// </summary>
internal sealed record DocumentFacts
{
    /// <summary>The stored form (<c>clearance_documents.facts</c>): JSON without nulls, by generated code (no reflection per call).</summary>
    public static string ToJson(DocumentFacts facts) => JsonSerializer.Serialize(facts, FactsJsonContext.Default.DocumentFacts);

    public static DocumentFacts FromJson(string json) => JsonSerializer.Deserialize(json, FactsJsonContext.Default.DocumentFacts)!;

    public string? EbpCode { get; init; }
    public string? EbcCode { get; init; }
    public string? OrderNo { get; init; }
    public string? PayCode { get; init; }
    public string? PayTransactionId { get; init; }
    public string? LogisticsCode { get; init; }
    public string? LogisticsNo { get; init; }
    public string? AgentCode { get; init; }
    public string? CopNo { get; init; }
    public string? InvtNo { get; init; }
    public string? TradeMode { get; init; }
    public string? OrderType { get; init; }
    public string? Currency { get; init; }
    public string? CustomsCode { get; init; }
    public long? GoodsValue { get; init; }
    public long? Freight { get; init; }
    public long? InsuredFee { get; init; }
    public long? Discount { get; init; }
    public long? TaxTotal { get; init; }
    public long? ActuralPaid { get; init; }
    public long? AmountPaid { get; init; }
    public long? Charge { get; init; }

    /// <summary>Order buyer, payment payer or list buyer.</summary>
    public PersonFacts? Buyer { get; init; }

    /// <summary>Order or waybill consignee.</summary>
    public PersonFacts? Consignee { get; init; }

    public IReadOnlyList<LineFacts> Lines { get; init; } = [];

    /// <summary>Pre-entry number (preNo) the e-port assigned, when a document carries it.</summary>
    public string? PreNo { get; init; }

    /// <summary>Logistics documents: the waybill numbers they list (arrival, departure, master waybill, delivery).</summary>
    public IReadOnlyList<string>? WaybillNumbers { get; init; }

    /// <summary>Master waybills and summary applications: the list numbers (invtNo) they name.</summary>
    public IReadOnlyList<string>? ListNumbers { get; init; }

    /// <summary>The amount that represents the document in statistics and the index column <c>amount_units</c>.</summary>
    public long? HeadlineAmount(CebDocumentKind kind) => kind switch
    {
        CebDocumentKind.Order => ActuralPaid ?? GoodsValue,
        CebDocumentKind.Payment => AmountPaid,
        CebDocumentKind.PaymentReceipt => Charge,
        CebDocumentKind.Waybill => Freight,
        CebDocumentKind.DeclarationList => Lines.Count == 0 ? null : Lines.Sum(l => l.TotalPrice ?? 0),
        _ => null,
    };
}

/// <summary>A person named in a document; each part protected.</summary>
internal sealed record PersonFacts(string? IdType, ProtectedText? IdNumber, ProtectedText? Name, ProtectedText? Telephone, ProtectedText? Address);

/// <summary>A piece of personal data: a keyed SHA-256 of its normalised text (for equality) and a masked form (for people).</summary>
internal sealed record ProtectedText(string Hash, string Masked);

/// <summary>One goods line (order or list), joined across documents by <see cref="Gnum"/>.</summary>
internal sealed record LineFacts(int Gnum, string? ItemNo, string? ItemName, long? Qty, long? Price, long? TotalPrice, string? Currency);

/// <summary>The serializer of <see cref="DocumentFacts"/>, generated at build time.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DocumentFacts))]
internal sealed partial class FactsJsonContext : JsonSerializerContext;
