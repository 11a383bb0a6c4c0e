namespace Silkgate.Clearance.Contracts;

/// <summary>Integration events of the clearance module, written to the outbox in the ingest transaction.</summary>
public static class ClearanceEvents
{
    /// <summary>All required documents of a sale are present and agree (<see cref="SaleMatched"/>).</summary>
    public const string SaleMatched = "clearance.sale-matched";

    /// <summary>A matched sale's required documents are all declared: ready to send to customs (<see cref="SaleReady"/>).</summary>
    public const string SaleReady = "clearance.sale-ready";

    /// <summary>A list was accepted for declaration (appStatus 2) (<see cref="ListDeclared"/>).</summary>
    public const string ListDeclared = "clearance.list-declared";
}

/// <param name="Direction">"I" import or "E" export.</param>
/// <param name="Mode">Trade mode (9610, 1210, 9710, 9810) when known.</param>
public sealed record SaleMatched(long SaleId, string EbpCode, string OrderNo, string? Mode, string Direction);

public sealed record SaleReady(long SaleId, string EbpCode, string OrderNo, string? Mode, string Direction);

public sealed record ListDeclared(long ListDocumentId, long? SaleId, string Direction, string? EbpCode, string? OrderNo, string? CopNo, string? InvtNo, string? TradeMode, long MessageId);
