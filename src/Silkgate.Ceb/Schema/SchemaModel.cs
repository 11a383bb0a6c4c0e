namespace Silkgate.Ceb.Schema;

internal enum SimpleKind : byte { String, Decimal, Int }

internal enum SlotKind : byte { Simple, Entity, Signature, Any }

/// <summary>Facets of one simple element, as the XSD declares them (-1 = facet absent).</summary>
internal sealed class SimpleType(SimpleKind kind, int length, int minLength, int maxLength, int totalDigits, int fractionDigits, bool collapse)
{
    public SimpleKind Kind { get; } = kind;
    public int Length { get; } = length;
    public int MinLength { get; } = minLength;
    public int MaxLength { get; } = maxLength;
    public int TotalDigits { get; } = totalDigits;
    public int FractionDigits { get; } = fractionDigits;
    public bool Collapse { get; } = collapse;

    // The length facets folded into one range, so a fitting value costs a single comparison.
    private readonly int _lo = Math.Max(Math.Max(length, minLength), 0);
    private readonly int _hi = Math.Min(length >= 0 ? length : int.MaxValue, maxLength >= 0 ? maxLength : int.MaxValue);

    /// <summary>Whether a value of this length meets length, minLength and maxLength.</summary>
    public bool LengthFits(int n) => n >= _lo && n <= _hi;
}

/// <summary>One particle of an entity's sequence: a field, a child entity, the signature or the open extension content.</summary>
internal sealed class SchemaSlot(string name, string ns, int index, int min, int max, SlotKind kind, SimpleType? type,
    SchemaEntity? entity, string? defaultValue, string? fixedValue, string label)
{
    public string Name { get; } = name;
    public string Namespace { get; } = ns;
    public int Index { get; } = index;
    public int Min { get; } = min;
    public int Max { get; } = max;
    public SlotKind Kind { get; } = kind;
    public SimpleType? Type { get; } = type;
    public SchemaEntity? Entity { get; } = entity;
    public string? Default { get; } = defaultValue;
    public string? Fixed { get; } = fixedValue;
    public string Label { get; } = label;
    /// <summary>Fields named guid carry upper-case identifiers; the writer upper-cases them.</summary>
    public bool IsGuid { get; } = name is "guid" or "headGuid" or "cancelGuid";
    public byte[] Utf8Start { get; } = System.Text.Encoding.UTF8.GetBytes(ns == CebNames.Ceb ? $"<ceb:{name}>" : $"<ds:{name}>");
    public byte[] Utf8End { get; } = System.Text.Encoding.UTF8.GetBytes(ns == CebNames.Ceb ? $"</ceb:{name}>" : $"</ds:{name}>");
    /// <summary>The business checks of this field, decided once here rather than by name on every message.</summary>
    public FieldRules Rules { get; } = kind == SlotKind.Simple && type is { Kind: SimpleKind.String } ? FieldRulesOf(name, type) : FieldRules.None;

    private static FieldRules FieldRulesOf(string name, SimpleType t)
    {
        var r = name switch
        {
            "currency" or "fCurrency" or "iCurrency" => FieldRules.Currency,
            "unit" or "unit1" or "unit2" => FieldRules.Unit,
            "country" or "tradeCountry" => FieldRules.Country,
            "customsCode" or "portCode" or "ieCustoms" when t.Length == 4 => FieldRules.CustomsDistrict,
            "guid" or "headGuid" or "cancelGuid" => FieldRules.GuidCase,
            "appStatus" => FieldRules.AppStatus,
            _ => FieldRules.None,
        };
        if (name.EndsWith("Code", StringComparison.Ordinal) && t.MaxLength == 18)
        {
            r |= FieldRules.Uscc;
        }
        bool time = t.Length switch
        {
            14 => name.EndsWith("Time", StringComparison.Ordinal) || name == "accountingDate",
            17 => name is "returnTime" or "opDate",
            8 => name is "declTime" or "ieDate",
            _ => false,
        };
        return time ? r | FieldRules.Time : r;
    }
}

/// <summary>Business checks of a string field (see <c>BusinessRules.CheckField</c>); Time uses the field's length (8, 14 or 17).</summary>
[Flags]
internal enum FieldRules : ushort
{
    None = 0,
    Currency = 1,
    Unit = 2,
    Country = 4,
    CustomsDistrict = 8,
    GuidCase = 16,
    AppStatus = 32,
    Uscc = 64,
    Time = 128,
}

/// <summary>A complex element of the XSD: an ordered sequence of slots.</summary>
internal sealed class SchemaEntity(string name, string label, Func<CebEntity> factory, SchemaSlot[] slots)
{
    public string Name { get; } = name;
    public string Label { get; } = label;
    public Func<CebEntity> Factory { get; } = factory;
    public SchemaSlot[] Slots { get; } = slots;

    // Slots the business rules look at, found once rather than per message.
    private SchemaSlot?[]? _rule;
    public SchemaSlot? Qty => Rule(0);
    public SchemaSlot? Price => Rule(1);
    public SchemaSlot? TotalPrice => Rule(2);
    public SchemaSlot? Gnum => Rule(3);
    public SchemaSlot? BuyerIdType => Rule(4);
    public SchemaSlot? BuyerIdNumber => Rule(5);
    public SchemaSlot? PayerIdType => Rule(6);
    public SchemaSlot? PayerIdNumber => Rule(7);

    private SchemaSlot? Rule(int i) => (_rule ??= [FindSlot("qty"), FindSlot("price"), FindSlot("totalPrice"), FindSlot("gnum"),
        FindSlot("buyerIdType"), FindSlot("buyerIdNumber"), FindSlot("payerIdType"), FindSlot("payerIdNumber")])[i];

    public SchemaSlot? FindSlot(string name)
    {
        foreach (var s in Slots)
        {
            if (s.Name == name)
            {
                return s;
            }
        }
        return null;
    }
}

internal static class CebNames
{
    public const string Ceb = CebNamespaces.Ceb;
    public const string Ds = CebNamespaces.XmlDsig;
    public const string Dxp = CebNamespaces.Dxp;
}
