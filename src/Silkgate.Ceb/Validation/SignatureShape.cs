using System.Xml.Linq;

namespace Silkgate.Ceb.Validation;

/// <summary>Checks the skeleton of an enveloped ds:Signature (SignedInfo, SignatureValue, KeyInfo?, Object*; each Reference
/// with DigestMethod and DigestValue). Cryptographic verification belongs to the signing component.</summary>
internal static class SignatureShape
{
    private static readonly XNamespace Ds = CebNamespaces.XmlDsig;

    internal static IEnumerable<Issue> Check(XElement sig)
    {
        var issues = new List<Issue>();
        foreach (var el in sig.DescendantsAndSelf())
        {
            foreach (var a in el.Attributes())
            {
                if (!a.IsNamespaceDeclaration && !AllowedAttribute(el.Name, a.Name))
                {
                    issues.Add(new Issue("schema.attribute-not-allowed", $"attribute {a.Name.LocalName} is not allowed on ds:{el.Name.LocalName}", $"ds:{el.Name.LocalName}不允许属性{a.Name.LocalName}"));
                }
            }
        }
        Sequence(sig, issues, ("SignedInfo", 1, 1), ("SignatureValue", 1, 1), ("KeyInfo", 0, 1), ("Object", 0, int.MaxValue));
        if (sig.Element(Ds + "SignedInfo") is { } si)
        {
            Sequence(si, issues, ("CanonicalizationMethod", 1, 1), ("SignatureMethod", 1, 1), ("Reference", 1, int.MaxValue));
            foreach (var m in si.Elements().Where(e => e.Name == Ds + "CanonicalizationMethod" || e.Name == Ds + "SignatureMethod"))
            {
                Algorithm(m, issues);
            }
            foreach (var r in si.Elements(Ds + "Reference"))
            {
                Sequence(r, issues, ("Transforms", 0, 1), ("DigestMethod", 1, 1), ("DigestValue", 1, 1));
                if (r.Element(Ds + "DigestMethod") is { } dm)
                {
                    Algorithm(dm, issues);
                }
                if (r.Element(Ds + "Transforms") is { } ts)
                {
                    Sequence(ts, issues, ("Transform", 1, int.MaxValue));
                    foreach (var t in ts.Elements(Ds + "Transform"))
                    {
                        Algorithm(t, issues);
                    }
                }
                Base64(r.Element(Ds + "DigestValue"), issues);
            }
        }
        Base64(sig.Element(Ds + "SignatureValue"), issues);
        return issues;
    }

    private static bool AllowedAttribute(XName element, XName attribute)
    {
        if (element.Namespace != Ds || attribute.Namespace != XNamespace.None)
        {
            // Content under KeyInfo/Object may carry foreign markup; only the skeleton is checked here.
            return element.Namespace != Ds || element.LocalName is "X509Data" or "KeyValue" or "Object";
        }
        return element.LocalName switch
        {
            "Signature" or "SignedInfo" or "SignatureValue" or "KeyInfo" => attribute.LocalName == "Id",
            "CanonicalizationMethod" or "SignatureMethod" or "DigestMethod" or "Transform" => attribute.LocalName == "Algorithm",
            "Reference" => attribute.LocalName is "Id" or "URI" or "Type",
            "Object" => attribute.LocalName is "Id" or "MimeType" or "Encoding",
            "Transforms" or "DigestValue" or "KeyName" or "X509Data" or "X509Certificate" => false,
            _ => true,
        };
    }

    private static void Algorithm(XElement e, List<Issue> issues)
    {
        if (e.Attribute("Algorithm") is null)
        {
            issues.Add(new Issue("schema.missing-attribute", $"ds:{e.Name.LocalName} needs an Algorithm attribute", $"ds:{e.Name.LocalName}缺少Algorithm属性"));
        }
    }

    private static void Base64(XElement? e, List<Issue> issues)
    {
        if (e is null || e.HasElements)
        {
            return;
        }
        var s = new string(e.Value.Where(c => !Facets.IsXmlSpace(c)).ToArray());
        if (s.Length % 4 != 0 || !Convert.TryFromBase64String(s, new byte[s.Length], out _))
        {
            issues.Add(new Issue("schema.base64", $"ds:{e.Name.LocalName} is not Base64", $"ds:{e.Name.LocalName}不是Base64编码"));
        }
    }

    private static void Sequence(XElement parent, List<Issue> issues, params (string Name, int Min, int Max)[] parts)
    {
        int pos = 0, count = 0;
        foreach (var node in parent.Nodes())
        {
            if (node is XText t && t.Value.Any(c => !Facets.IsXmlSpace(c)))
            {
                issues.Add(new Issue("schema.text-not-allowed", $"text is not allowed in ds:{parent.Name.LocalName}", $"ds:{parent.Name.LocalName}中不允许文本"));
                return;
            }
            if (node is not XElement el)
            {
                continue;
            }
            int i = pos;
            while (i < parts.Length && !(el.Name.Namespace == Ds && el.Name.LocalName == parts[i].Name))
            {
                i++;
            }
            if (i == parts.Length || (i == pos && count >= parts[i].Max) || Enumerable.Range(pos, i - pos).Any(j => (j == pos ? count : 0) < parts[j].Min))
            {
                issues.Add(new Issue("schema.unexpected-element", $"<{el.Name.LocalName}> is not expected in ds:{parent.Name.LocalName}", $"ds:{parent.Name.LocalName}中不应出现<{el.Name.LocalName}>"));
                return;
            }
            count = i == pos ? count + 1 : 1;
            pos = i;
        }
        for (int j = pos; j < parts.Length; j++)
        {
            if ((j == pos ? count : 0) < parts[j].Min)
            {
                issues.Add(new Issue("schema.missing-element", $"ds:{parent.Name.LocalName} lacks <{parts[j].Name}>", $"ds:{parent.Name.LocalName}缺少<{parts[j].Name}>"));
            }
        }
    }
}
