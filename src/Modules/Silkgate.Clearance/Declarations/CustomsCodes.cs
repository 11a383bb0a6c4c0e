using Silkgate.Ceb;

namespace Silkgate.Clearance.Declarations;

/// <summary>
/// The customs business error codes (specification 202205, §7) the lifecycle answers with, per document kind.
/// Where customs has no code for a case the closest one of the same family is used; each such choice is marked.
/// </summary>
internal sealed record CustomsCodes(int Duplicate, int NotFound, int AlreadySent, int Stale, int Invalid)
{
    /// <summary>Orders (303/311): −301010 same number exists, −301009 appType finds no order, −301011 already declared to customs, −301014 old message ignored, −301008 parameter check.</summary>
    public static readonly CustomsCodes Order = new(-301010, -301009, -301011, -301014, -301008);

    /// <summary>Payments (411) and export receipts (403, same −401 family): −401007, −401006, −401008, −401012, −401009.</summary>
    public static readonly CustomsCodes Payment = new(-401007, -401006, -401008, -401012, -401009);

    /// <summary>Waybills (505/511): −504015, −504014, −504016; stale: −505016, the family's "old logistics message" code
    /// (customs has none under −504); −504011 parameter check.</summary>
    public static readonly CustomsCodes Waybill = new(-504015, -504014, -504016, -505016, -504011);

    /// <summary>Lists (603/621): −621004 already declared, −621011 no declared list to change, −621012 status does not
    /// allow the change; stale: −621027 "save failed, check the status and refresh" (customs has no stale-list code);
    /// −621001 list check failed.</summary>
    public static readonly CustomsCodes List = new(-621004, -621011, -621012, -621027, -621001);

    public static CustomsCodes For(CebDocumentKind kind) => kind switch
    {
        CebDocumentKind.Order => Order,
        CebDocumentKind.Payment or CebDocumentKind.PaymentReceipt => Payment,
        CebDocumentKind.Waybill => Waybill,
        _ => List,
    };

    /// <summary>Single-transaction limit of an import list: "the purchase amount of list [*] exceeds the single limit".</summary>
    public const int OverSingleLimit = -621005;

    /// <summary>Annual limit: "buyer [*] of list [*] has used [*]; this purchase would exceed the annual limit [*]".</summary>
    public const int OverAnnualLimit = -621018;
}
