using Silkgate.Ceb;

namespace Silkgate.Simulation;

/// <summary>One message as its sender would post it: when, who, what, and the UTF-8 XML.</summary>
/// <param name="SendAt">Beijing time (UTC+8).</param>
/// <param name="SenderCode">The sending enterprise's code (also in <c>BaseTransfer/copCode</c>).</param>
/// <param name="MessageType">CEB message type.</param>
/// <param name="MessageGuid">Root guid attribute.</param>
/// <param name="Bytes">The message XML.</param>
/// <param name="OrderNos">Order numbers of the sales whose documents it carries, in entity order.</param>
public sealed record GeneratedMessage(
    DateTimeOffset SendAt,
    string SenderCode,
    CebMessageType MessageType,
    string MessageGuid,
    ReadOnlyMemory<byte> Bytes,
    IReadOnlyList<string> OrderNos);

/// <summary>Defects a sale carries (ground truth for tests and benchmarks).</summary>
[Flags]
public enum SaleDefects
{
    None = 0,
    MissingDocument = 1,
    AmountMismatch = 2,
    ConsigneeMismatch = 4,
    OverSingleLimit = 8,
    OverAnnualLimit = 16,
    StaleMessage = 32,
    DuplicateMessage = 64,
    DuplicateOrderNumber = 128,
}

/// <summary>Ground truth of one synthetic sale.</summary>
public sealed record GeneratedSale
{
    public required string OrderNo { get; init; }
    public required SimTradeMode Mode { get; init; }
    public required DateTimeOffset OrderedAt { get; init; }
    public required string PlatformCode { get; init; }
    public required string SellerCode { get; init; }
    public required string LogisticsCode { get; init; }
    public required string LogisticsNo { get; init; }
    public string? PaymentCode { get; init; }
    public required string AgentCode { get; init; }
    public required string ZoneCode { get; init; }

    /// <summary>Destination (export) or origin (import) country, customs 3-digit code.</summary>
    public required string Country { get; init; }

    /// <summary>Import buyer's identity number.</summary>
    public string? BuyerIdNumber { get; init; }

    public required int Lines { get; init; }
    public required decimal GoodsValue { get; init; }
    public required decimal Freight { get; init; }
    public required decimal TaxTotal { get; init; }

    /// <summary>Import acturalPaid, export receipt charge (goods + freight), as the order states it.</summary>
    public required decimal Paid { get; init; }

    public required SaleDefects Defects { get; init; }

    /// <summary>The document never sent when <see cref="SaleDefects.MissingDocument"/> is set.</summary>
    public CebMessageType? MissingDocument { get; init; }

    /// <summary>Message types the sale's documents use, in order: order, payment/receipt (if any), waybill, list.</summary>
    public required IReadOnlyList<CebMessageType> Documents { get; init; }

    public bool IsImport => Mode is SimTradeMode.Import9610 or SimTradeMode.Import1210;
}
