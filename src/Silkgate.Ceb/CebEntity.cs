using System.Xml.Linq;
using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb;

/// <summary>Base of every generated model class. Slot accessors let the schema-driven reader, writer and validator
/// work on any message without reflection.</summary>
public abstract class CebEntity
{
    internal abstract SchemaEntity Schema { get; }

    internal virtual string? GetString(int slot) => null;
    internal virtual void SetString(int slot, string? value) { }
    internal virtual decimal? GetDecimal(int slot) => null;
    internal virtual void SetDecimal(int slot, decimal? value) { }
    internal virtual int? GetInt(int slot) => null;
    internal virtual void SetInt(int slot, int? value) { }
    internal virtual int GetCount(int slot) => 0;
    internal virtual CebEntity GetChild(int slot, int index) => throw new ArgumentOutOfRangeException(nameof(slot));
    internal virtual void AddChild(int slot, CebEntity child) { }
    internal virtual XElement? GetXml(int slot) => null;
    internal virtual void SetXml(int slot, XElement? value) { }

    /// <summary>The XML element name of this entity (e.g. <c>InventoryHead</c>).</summary>
    public string ElementName => Schema.Name;

    /// <summary>Whether a simple field of this entity holds a value.</summary>
    internal bool HasValue(SchemaSlot slot) => slot.Type!.Kind switch
    {
        SimpleKind.Decimal => GetDecimal(slot.Index).HasValue,
        SimpleKind.Int => GetInt(slot.Index).HasValue,
        _ => GetString(slot.Index) is not null,
    };

    /// <summary>Text of a simple field by XML name (decimals formatted canonically), or null.</summary>
    public string? GetFieldText(string elementName)
    {
        var slot = Schema.FindSlot(elementName);
        if (slot is null || slot.Kind != SlotKind.Simple)
        {
            return null;
        }
        return slot.Type!.Kind switch
        {
            SimpleKind.Decimal => GetDecimal(slot.Index) is { } d ? Writing.CebFormat.FormatDecimal(d) : null,
            SimpleKind.Int => GetInt(slot.Index)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => GetString(slot.Index),
        };
    }

    /// <summary>Sets a simple field by XML name from text; returns false when the field does not exist or the text does not parse.</summary>
    public bool SetFieldText(string elementName, string? text)
    {
        var slot = Schema.FindSlot(elementName);
        if (slot is null || slot.Kind != SlotKind.Simple)
        {
            return false;
        }
        switch (slot.Type!.Kind)
        {
            case SimpleKind.Decimal:
                if (text is null) { SetDecimal(slot.Index, null); return true; }
                if (!Validation.Facets.TryParseDecimal(text, out var d)) { return false; }
                SetDecimal(slot.Index, d);
                return true;
            case SimpleKind.Int:
                if (text is null) { SetInt(slot.Index, null); return true; }
                if (!Validation.Facets.TryParseInt(text, out var i)) { return false; }
                SetInt(slot.Index, i);
                return true;
            default:
                SetString(slot.Index, text);
                return true;
        }
    }
}

/// <summary>Base of the <c>CEBnnnMessage</c> root classes.</summary>
public abstract class CebMessage : CebEntity
{
    private string? _guid;
    private bool _guidAssigned;

    /// <summary>Root attribute <c>guid</c>: 36 characters, upper case; a fresh one unless assigned.</summary>
    /// <remarks>Generated on first read, so the reader (which always assigns it) does not pay for a random guid.</remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Named after the XML attribute guid.")]
    public string Guid
    {
        get
        {
            if (!_guidAssigned)
            {
                _guid = NewGuid();
                _guidAssigned = true;
            }
            return _guid!;
        }
        set
        {
            _guid = value;
            _guidAssigned = true;
        }
    }

    /// <summary>Root attribute <c>version</c>, "1.0".</summary>
    public string Version { get; set; } = "1.0";

    public abstract CebMessageType MessageType { get; }

    /// <summary>A fresh upper-case 36-character identifier as the standard wants for guid fields.</summary>
    public static string NewGuid() => System.Guid.NewGuid().ToString("D").ToUpperInvariant();
}
