using System.Collections.Frozen;
using System.Text.RegularExpressions;
using System.Xml;

namespace Silkgate.Ceb.Signing;

/// <summary>
/// Where ds:Signature goes under the message root, per the 202205 XSDs: export messages put it after
/// BaseSubscribe and before ExtendMessage, import messages and DXP envelopes put it last. Receipts
/// (return messages) have no Signature in their schema. A test checks these tables against the XSDs.
/// </summary>
internal static partial class SignaturePlacement
{
    internal static readonly FrozenSet<string> BeforeExtendMessage =
        new[] { "213", "215", "303", "403", "505", "507", "509", "603", "605", "607", "701" }.ToFrozenSet();

    internal static readonly FrozenSet<string> Last =
        new[] { "311", "411", "511", "513", "621", "623", "625", "711" }.ToFrozenSet();

    internal static readonly FrozenSet<string> Unsigned =
        new[]
        {
            "214", "216", "304", "404", "506", "508", "510", "604", "606", "608", "702", "792",
            "312", "412", "512", "514", "622", "624", "626", "712", "816", "818", "900",
        }.ToFrozenSet();

    /// <summary>The ds:Signature elements directly under the root.</summary>
    public static List<XmlElement> DirectSignatures(XmlElement root) =>
        root.ChildNodes.OfType<XmlElement>()
            .Where(e => e.LocalName == "Signature" && e.NamespaceURI == CebNamespaces.XmlDsig)
            .ToList();

    /// <summary>The CEB message number of a root element (e.g. "621"), or null for anything else.</summary>
    public static string? MessageNumber(XmlElement root)
    {
        if (root.NamespaceURI != CebNamespaces.Ceb)
        {
            return null;
        }

        var match = CebRootName().Match(root.LocalName);
        return match.Success ? match.Groups[1].Value : null;
    }

    public static void EnsureSignable(XmlElement root)
    {
        if (MessageNumber(root) is { } number && Unsigned.Contains(number))
        {
            throw new CebSigningException($"{root.LocalName} carries no signature in the CEB 202205 schema.");
        }
    }

    public static void Insert(XmlElement root, XmlElement signature)
    {
        EnsureSignable(root);
        if (MessageNumber(root) is { } number && BeforeExtendMessage.Contains(number))
        {
            var extend = root.ChildNodes.OfType<XmlElement>()
                .FirstOrDefault(e => e.LocalName == "ExtendMessage" && e.NamespaceURI == CebNamespaces.Ceb);
            if (extend is not null)
            {
                root.InsertBefore(signature, extend);
                return;
            }
        }

        // Import messages, DXP envelopes and unknown roots: the signature is the last child.
        root.AppendChild(signature);
    }

    [GeneratedRegex("^CEB([0-9]{3})Message$", RegexOptions.CultureInvariant)]
    private static partial Regex CebRootName();
}
