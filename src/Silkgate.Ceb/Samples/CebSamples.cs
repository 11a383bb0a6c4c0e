using System.Globalization;
using System.Xml.Linq;
using Silkgate.Ceb.Schema;
using Silkgate.Ceb.Validation;

namespace Silkgate.Ceb.Samples;

/// <summary>Builds valid example messages of every type (schema-valid and consistent with the business checks).</summary>
public static class CebSamples
{
    /// <summary>A sample message. <paramref name="lines"/> goods lines per entity; <paramref name="includeOptional"/> fills every optional field.</summary>
    public static CebMessage Create(CebMessageType type, int lines = 3, bool includeOptional = true)
    {
        ArgumentNullException.ThrowIfNull(type);
        var msg = (CebMessage)type.Schema.Factory();
        msg.Guid = "4CDE1D0E-2B3C-4D5E-8F90-A1B2C3D4E5F6";
        Fill(msg, type.Schema, type, Math.Max(1, lines), includeOptional);
        if (type.SignatureRequired)
        {
            msg.GetType().GetProperty("Signature")!.SetValue(msg, PlaceholderSignature());
        }
        SampleHarmonizer.Harmonize(msg);
        return msg;
    }

    /// <summary>A structurally valid ds:Signature with placeholder values, for samples and tests; real signatures come from the signing component.</summary>
    public static XElement PlaceholderSignature()
    {
        XNamespace ds = CebNamespaces.XmlDsig;
        return new XElement(ds + "Signature", new XAttribute(XNamespace.Xmlns + "ds", ds.NamespaceName),
            new XElement(ds + "SignedInfo",
                new XElement(ds + "CanonicalizationMethod", new XAttribute("Algorithm", "http://www.w3.org/TR/2001/REC-xml-c14n-20010315")),
                new XElement(ds + "SignatureMethod", new XAttribute("Algorithm", "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3")),
                new XElement(ds + "Reference", new XAttribute("URI", ""),
                    new XElement(ds + "Transforms", new XElement(ds + "Transform", new XAttribute("Algorithm", "http://www.w3.org/2000/09/xmldsig#enveloped-signature"))),
                    new XElement(ds + "DigestMethod", new XAttribute("Algorithm", "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3")),
                    new XElement(ds + "DigestValue", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))),
            new XElement(ds + "SignatureValue", "AAAA"),
            new XElement(ds + "KeyInfo", new XElement(ds + "KeyName", "00000000")));
    }

    private static void Fill(CebEntity e, SchemaEntity def, CebMessageType type, int lines, bool optional)
    {
        foreach (var slot in def.Slots)
        {
            if (slot.Min == 0 && !optional && slot.Kind != SlotKind.Entity)
            {
                continue;
            }
            switch (slot.Kind)
            {
                case SlotKind.Simple:
                    SetSimple(e, slot, type);
                    break;
                case SlotKind.Entity:
                    int n = slot.Max > 1 && slot.Entity!.FindSlot("gnum") is not null ? lines : Math.Max(slot.Min, slot.Max > 1 || optional ? 1 : 0);
                    if (slot.Name is "BaseSubscribe" or "ExtendMessage" && !optional)
                    {
                        n = 0;
                    }
                    for (int i = 0; i < n; i++)
                    {
                        var child = slot.Entity!.Factory();
                        Fill(child, slot.Entity, type, lines, optional);
                        if (slot.Entity.FindSlot("gnum") is { } g)
                        {
                            child.SetInt(g.Index, i + 1);
                        }
                        if (slot.Entity.FindSlot("itemNo") is { } itemNo && child.GetString(itemNo.Index) is not null)
                        {
                            child.SetString(itemNo.Index, "SKU" + (i + 1).ToString(CultureInfo.InvariantCulture));
                        }
                        e.AddChild(slot.Index, child);
                    }
                    break;
                case SlotKind.Any:
                    e.SetXml(slot.Index, new XElement("note", "extension"));
                    break;
            }
        }
    }

    private static void SetSimple(CebEntity e, SchemaSlot slot, CebMessageType type)
    {
        var t = slot.Type!;
        if (t.Kind == SimpleKind.Int)
        {
            e.SetInt(slot.Index, 1);
            return;
        }
        if (t.Kind == SimpleKind.Decimal)
        {
            e.SetDecimal(slot.Index, slot.Name switch
            {
                "qty" or "qty1" => 2m,
                "price" => 12.5m,
                "totalPrice" => 25m,
                "grossWeight" => 1.25m,
                "netWeight" or "weight" => 1m,
                _ => 0m,
            });
            return;
        }
        e.SetString(slot.Index, slot.Fixed ?? SampleText(slot, type));
    }

    internal const string SampleUsccStem = "91330100MA2CFK4Q7";
    internal const string SampleIdStem = "33010219900307123";

    private static string SampleText(SchemaSlot slot, CebMessageType type)
    {
        var name = slot.Name;
        var t = slot.Type!;
        bool import = type.Direction == CebDirection.Import;
        string? v = name switch
        {
            "guid" or "headGuid" or "cancelGuid" => "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
            "appType" => "1",
            "appStatus" => "1",
            "orderType" => import ? "I" : "E",
            "ieFlag" => import ? "I" : "E",
            "currency" or "fCurrency" or "iCurrency" => "142",
            "country" or "tradeCountry" => import ? "502" : "502",
            "unit" or "unit1" => "007",
            "unit2" => "035",
            "customsCode" or "portCode" or "ieCustoms" => "2991",
            "tradeMode" => import ? "9610" : "9610",
            "trafMode" => "4",
            "dxpMode" => "DXP",
            "buyerIdType" or "payerIdType" => "1",
            "buyerIdNumber" or "payerIdNumber" => SampleIdStem + Identifiers.ResidentIdCheckCharacter(SampleIdStem),
            "returnStatus" => "2",
            "gcode" => "6109100021",
            "consigneeDistrict" => "330102",
            "wrapType" => "2",
            "statisticsFlag" => "A",
            "summaryFlag" => "1",
            "itemNameFlag" => "1",
            "logisticsStatus" => "S",
            "status" => "1",
            "fFlag" or "iFlag" => "3",
            "version" => "1.0",
            "buyerTelephone" or "consigneeTelephone" or "telephone" => "13800000000",
            _ => null,
        };
        if (v is not null && (t.MaxLength < 0 || v.Length <= t.MaxLength) && (t.Length < 0 || v.Length == t.Length))
        {
            return v;
        }
        if (name.EndsWith("Code", StringComparison.Ordinal) && t.MaxLength == 18)
        {
            return SampleUsccStem + Identifiers.UsccCheckCharacter(SampleUsccStem);
        }
        int len = t.Length >= 0 ? t.Length : Math.Min(t.MaxLength < 0 ? 12 : t.MaxLength, 12);
        if (t.Length == 14) { return "20261122131000"; }
        if (t.Length == 17) { return "20261122131000123"; }
        if (t.Length == 8) { return "20261122"; }
        if (t.Length >= 0) { return new string('1', len); }
        var text = name.EndsWith("Name", StringComparison.Ordinal) || name == "note" ? "样例" + name : name.ToUpperInvariant() + "001";
        return text.Length > len ? text[..len] : text;
    }
}
