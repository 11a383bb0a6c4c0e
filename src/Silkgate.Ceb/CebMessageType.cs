using System.Collections.Frozen;
using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb;

public enum CebDirection { Export, Import }

public enum CebDocumentKind
{
    Order, PaymentReceipt, Payment, Waybill, WaybillStatus, Arrival, Departure, DeclarationList, ListCancel,
    MasterSubWaybill, Return, ReturnTally, SummaryApplication, SummaryResult, Delivery, TaxBill, TaxBillStatus, FormatCheck,
}

public enum CebMessageRole
{
    /// <summary>Sent by an enterprise to customs.</summary>
    Declaration,
    /// <summary>Answer to a declaration.</summary>
    Receipt,
    /// <summary>Sent by customs on its own initiative (792, 816, 818).</summary>
    CustomsNotice,
}

/// <summary>Metadata of one CEB message type: root element, direction, receipt pairing, error-code family and keys.</summary>
public sealed partial class CebMessageType
{
    private CebMessageType(int code, CebDirection direction, CebDocumentKind kind, CebMessageRole role, int? receipt,
        string? errorFamily, string validationCode, string english, string chinese)
    {
        Code = code;
        Direction = direction;
        Kind = kind;
        Role = role;
        _receiptCode = receipt;
        ErrorFamily = errorFamily;
        ValidationErrorCode = validationCode;
        EnglishName = english;
        ChineseName = chinese;
        RootName = $"CEB{code}Message";
    }

    private readonly int? _receiptCode;

    /// <summary>Number of the message, e.g. 311.</summary>
    public int Code { get; }
    /// <summary>Root element local name, e.g. <c>CEB311Message</c>.</summary>
    public string RootName { get; }
    public CebDirection Direction { get; }
    public CebDocumentKind Kind { get; }
    public CebMessageRole Role { get; }
    /// <summary>Customs business error family, e.g. "-301" for orders; null where the specification defines none.</summary>
    public string? ErrorFamily { get; }
    /// <summary>Customs code used for a business-rule failure of this document ("parameter check failed" of its family; 2999 where none exists).</summary>
    public string ValidationErrorCode { get; }
    public string EnglishName { get; }
    public string ChineseName { get; }
    /// <summary>The receipt customs sends for this message (e.g. 311 → 312), or null.</summary>
    public CebMessageType? ReceiptType => _receiptCode is { } c ? FromCode(c) : null;
    /// <summary>For a receipt, the declaration it answers.</summary>
    public CebMessageType? RequestType => All.FirstOrDefault(t => t._receiptCode == Code);
    /// <summary>Whether the XSD makes ds:Signature mandatory (import 621, 623, 625, 711).</summary>
    public bool SignatureRequired => Schema.Slots.Any(s => s.Kind == SlotKind.Signature && s.Min > 0);
    /// <summary>Element name of the business entity the message carries (e.g. <c>Order</c>, <c>InventoryReturn</c>).</summary>
    public string EntityName => Schema.Slots[0].Name;
    /// <summary>Fields that identify one business entity, as its receipt copies them (e.g. guid, ebpCode, ebcCode, orderNo).</summary>
    public IReadOnlyList<string> KeyFields => _keys ??= ComputeKeys();
    private IReadOnlyList<string>? _keys;

    internal SchemaEntity Schema => _schema ??= (Direction == CebDirection.Export ? Export.ExportSchema.Messages : Import.ImportSchema.Messages)
        .Single(m => m.Name == RootName);
    private SchemaEntity? _schema;

    public override string ToString() => RootName;

    private string[] ComputeKeys()
    {
        var receipt = Role == CebMessageRole.Receipt ? this : ReceiptType;
        if (receipt is null)
        {
            return [];
        }
        return receipt.Schema.Slots[0].Entity!.Slots
            .Where(s => s.Kind == SlotKind.Simple && s.Name is not ("returnStatus" or "returnTime" or "returnInfo"))
            .Select(s => s.Name).ToArray();
    }

    public static CebMessageType FromCode(int code) =>
        ByCode.TryGetValue(code, out var t) ? t : throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown CEB message type.");

    /// <summary>Parses "311", "CEB311Message" or "ceb311".</summary>
    public static bool TryParse(string? text, out CebMessageType? type)
    {
        type = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim();
        if (ByRoot.TryGetValue(t, out type))
        {
            return true;
        }
        if (t.StartsWith("CEB", StringComparison.OrdinalIgnoreCase))
        {
            t = t[3..];
        }
        if (t.EndsWith("Message", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^7];
        }
        return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            && ByCode.TryGetValue(code, out type);
    }

    internal static CebMessageType? FromRoot(string localName) => ByRoot.GetValueOrDefault(localName);
}
