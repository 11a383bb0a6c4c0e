using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

/// <summary>Checks the signature placement against the official XSDs in shared/ceb/xsd.</summary>
public class SignaturePlacementSchemaTests
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    public static TheoryData<string, string[]> Messages()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var file in new[] { "ceb-export-202205.xsd", "ceb-import-202205.xsd" })
        {
            foreach (var (name, children) in MessageSequences(file))
            {
                data.Add(name, children);
            }
        }

        return data;
    }

    [Fact]
    public void Placement_tables_name_every_message_of_both_xsds_once()
    {
        var all = Messages().Select(row => (string)row[0]).Select(n => n[3..6]).Order().ToList();
        var tables = SignaturePlacement.BeforeExtendMessage.Concat(SignaturePlacement.Last).Concat(SignaturePlacement.Unsigned).Order().ToList();

        Assert.Equal(all, tables);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Signature_lands_where_the_xsd_sequence_puts_it(string message, string[] children)
    {
        var number = message[3..6];
        if (!children.Contains("Signature"))
        {
            Assert.True(SignaturePlacement.Unsigned.Contains(number), number);
            return;
        }

        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.CreateElement("ceb", message, CebNamespaces.Ceb);
        document.AppendChild(root);
        foreach (var child in children.Where(c => c != "Signature"))
        {
            root.AppendChild(document.CreateElement("ceb", child, CebNamespaces.Ceb));
        }

        using var signer = Pki.Signer(CebSignatureAlgorithm.Sm2Sm3);
        signer.Sign(document);

        Assert.Equal(children, root.ChildNodes.OfType<XmlElement>().Select(e => e.LocalName).ToArray());
        Assert.True(CebSignatureVerifier.Default.Verify(document).IsValid);
    }

    [Theory]
    [InlineData(CebSignatureAlgorithm.Sm2Sm3)]
    [InlineData(CebSignatureAlgorithm.RsaSha1)]
    public void Signed_dxp_envelope_is_valid_against_the_dxp_and_xmldsig_schemas(CebSignatureAlgorithm algorithm)
    {
        using var signer = Pki.Signer(algorithm);
        var signed = signer.Sign(SampleMessages.Utf8(SampleMessages.DxpEnvelope));

        Assert.Empty(DxpSchemaErrors(signed));

        // The same signature first instead of last breaks the schema: the check can fail.
        var moved = Pki.Load(signed);
        var signature = Pki.Select(moved, "/*/ds:Signature");
        moved.DocumentElement!.PrependChild(signature);
        using var output = new MemoryStream();
        moved.Save(output);
        Assert.NotEmpty(DxpSchemaErrors(output.ToArray()));
    }

    private static List<string> DxpSchemaErrors(byte[] xml)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(SharedFiles.Path("ceb", "xsd", "dxp-terminal-202205.xsd"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = new XmlUrlResolver() }))
        {
            schemas.Add(null, reader);
        }

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var validating = XmlReader.Create(new MemoryStream(xml), settings);
        while (validating.Read())
        {
        }

        return errors;
    }

    private static IEnumerable<(string Name, string[] Children)> MessageSequences(string file)
    {
        var schema = XDocument.Load(SharedFiles.Path("ceb", "xsd", file));
        foreach (var element in schema.Root!.Elements(Xs + "element"))
        {
            var name = (string)element.Attribute("name")!;
            var sequence = element.Element(Xs + "complexType")?.Element(Xs + "sequence");
            if (!name.StartsWith("CEB", StringComparison.Ordinal) || sequence is null)
            {
                continue;
            }

            var children = sequence.Elements(Xs + "element")
                .Select(e => ((string?)e.Attribute("ref") ?? (string)e.Attribute("name")!).Split(':')[^1])
                .ToArray();
            yield return (name, children);
        }
    }
}
