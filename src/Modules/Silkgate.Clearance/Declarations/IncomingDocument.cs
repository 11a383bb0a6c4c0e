using Silkgate.Ceb;

namespace Silkgate.Clearance.Declarations;

/// <summary>One business entity of a declaration message, decoded: what kind, which key, which operation, which facts.</summary>
/// <param name="EntityIndex">Index of the entity among the message's entities (0-based), echoed in the outcome.</param>
/// <param name="BusinessKey">The key that identifies the document across versions (see <see cref="DocumentKeys"/>).</param>
/// <param name="AppType">1 new, 2 change, 3 delete (0 when the text was not one of them).</param>
/// <param name="AppStatus">1 saved, 2 declared (0 when the text was not one of them).</param>
/// <param name="AppTime">yyyyMMddHHmmss as sent; fixed width, so ordinal comparison orders it in time.</param>
internal sealed record IncomingDocument(
    int EntityIndex,
    CebMessageType Type,
    string DocumentGuid,
    string BusinessKey,
    int AppType,
    int AppStatus,
    string AppTime,
    DocumentFacts Facts)
{
    private string? _factsJson;

    public CebDocumentKind Kind => Type.Kind;

    /// <summary>The facts as stored in <c>clearance_documents.facts</c>; serialized once, on the receiving thread when the gateway decoded the message.</summary>
    public string FactsJson => _factsJson ??= DocumentFacts.ToJson(Facts);

    public CebDirection Direction => Type.Direction;

    /// <summary>The documents joined into sales; other declaration types are only stored.</summary>
    public bool TakesPartInMatching => Kind is CebDocumentKind.Order or CebDocumentKind.Payment or CebDocumentKind.PaymentReceipt
        or CebDocumentKind.Waybill or CebDocumentKind.DeclarationList;

    /// <summary>Joined to a sale by platform code and order number (waybills join through the list's logistics number).</summary>
    public bool JoinsByOrder => Kind is CebDocumentKind.Order or CebDocumentKind.Payment or CebDocumentKind.PaymentReceipt
        or CebDocumentKind.DeclarationList;

    public bool IsImportList => Kind == CebDocumentKind.DeclarationList && Direction == CebDirection.Import;
}

/// <summary>How each kind of document is identified across its versions.</summary>
internal static class DocumentKeys
{
    /// <summary>Order and list: platform + order number; import payment: payment firm + transaction id; export receipt:
    /// platform + order number (its payment number is optional); waybill: logistics firm + waybill number.</summary>
    public static string For(CebDocumentKind kind, CebDirection direction, DocumentFacts f, string guid) => kind switch
    {
        CebDocumentKind.Order or CebDocumentKind.DeclarationList or CebDocumentKind.PaymentReceipt => Join(f.EbpCode, f.OrderNo),
        CebDocumentKind.Payment => Join(f.PayCode, f.PayTransactionId),
        CebDocumentKind.Waybill => Join(f.LogisticsCode, f.LogisticsNo),
        _ => guid,
    };

    public static string Join(string? a, string? b) => $"{a}|{b}";

    public static string DirectionCode(CebDirection direction) => direction == CebDirection.Import ? "I" : "E";

    public static CebDirection DirectionOf(string code) => code == "I" ? CebDirection.Import : CebDirection.Export;
}
