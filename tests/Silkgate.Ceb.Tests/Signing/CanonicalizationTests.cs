using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

/// <summary>The hand-written C14N must produce exactly what .NET's XmlDsigC14NTransform produces.</summary>
public class CanonicalizationTests
{
    public static TheoryData<string> Documents() =>
    [
        SampleMessages.Inventory621(),
        SampleMessages.Order303,
        SampleMessages.DxpEnvelope,
        """<?xml version="1.0"?><?pi-before data?><!-- c --><a xmlns="urn:d" xmlns:x="urn:x" b="2" a="1" x:z="3" x:a="4" xml:lang="zh"><x:b xmlns:x="urn:x" xmlns:y="urn:y"><c xmlns=""/></x:b><![CDATA[<&>]]>&#xD;&#x9;"'</a><?pi-after?>""",
        """<r><e a="tab&#9;nl&#10;cr&#13;lt&lt;amp&amp;q&quot;gt>"/>t&gt;&#x10FFFF;中文 𠀀</r>""",
        """<p:r xmlns:p="urn:p" xmlns:q="urn:q"><q:s xmlns:p="urn:p2"><p:t q:u="1"/></q:s><e xmlns="urn:default"><f xmlns="urn:default"/></e></p:r>""",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void Whole_document_matches_dotnet_transform(string xml)
    {
        var document = Pki.Load(xml);

        Assert.Equal(Reference(document), Encoding.UTF8.GetString(XmlC14N.Canonicalize(document)));
    }

    [Fact]
    public void Subtree_renders_inherited_namespaces_and_xml_attributes_on_the_apex()
    {
        var document = Pki.Load("""<a xmlns="urn:d" xmlns:p="urn:p" xml:lang="zh"><p:b xml:space="preserve"><p:c z="1"><d/></p:c></p:b></a>""");
        var c = (XmlElement)document.GetElementsByTagName("p:c")[0]!;

        Assert.Equal(
            """<p:c xmlns="urn:d" xmlns:p="urn:p" z="1" xml:lang="zh" xml:space="preserve"><d></d></p:c>""",
            Encoding.UTF8.GetString(XmlC14N.CanonicalizeInContext(c)));
    }

    [Fact]
    public void Element_built_in_code_without_xmlns_attributes_gets_its_namespace_rendered()
    {
        var document = new XmlDocument();
        var root = document.CreateElement("ceb", "CEB621Message", CebNamespaces.Ceb);
        document.AppendChild(root);
        root.AppendChild(document.CreateElement("ceb", "Inventory", CebNamespaces.Ceb));

        Assert.Equal(
            """<ceb:CEB621Message xmlns:ceb="http://www.chinaport.gov.cn/ceb"><ceb:Inventory></ceb:Inventory></ceb:CEB621Message>""",
            Encoding.UTF8.GetString(XmlC14N.Canonicalize(document)));
    }

    [Fact]
    public void Excluded_signature_is_left_out_like_the_enveloped_transform_does()
    {
        using var signer = Pki.Signer(CebSignatureAlgorithm.RsaSha1);
        var document = Pki.Load(signer.Sign(SampleMessages.Utf8(SampleMessages.Inventory621())));
        var signature = Pki.Select(document, "/*/ds:Signature");
        var withoutSignature = XmlC14N.Canonicalize(document, signature);

        signature.ParentNode!.RemoveChild(signature);
        Assert.Equal(Reference(document), Encoding.UTF8.GetString(withoutSignature));
    }

    [Fact]
    public void Long_text_with_surrogate_pairs_is_encoded_intact()
    {
        var text = string.Concat(Enumerable.Repeat("a𠀀", 700));
        var document = Pki.Load($"<r>{text}</r>");

        Assert.Equal($"<r>{text}</r>", Encoding.UTF8.GetString(XmlC14N.Canonicalize(document)));
    }

    private static string Reference(XmlDocument document)
    {
        var transform = new XmlDsigC14NTransform(includeComments: false);
        transform.LoadInput(document);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var reader = new StreamReader(output, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
