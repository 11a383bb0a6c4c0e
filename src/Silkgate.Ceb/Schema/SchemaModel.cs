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
