using System.Xml;
using System.Xml.Schema;

namespace Silkgate.Ceb.Tests.Support;

/// <summary>The official XSDs loaded into System.Xml.Schema: the reference verdict for the differential tests.</summary>
internal static class XsdOracle
{
    private static readonly Lazy<XmlSchemaSet> Export = new(() => Load("ceb-export-202205.xsd"));
    private static readonly Lazy<XmlSchemaSet> Import = new(() => Load("ceb-import-202205.xsd"));
    private static readonly Lazy<XmlSchemaSet> Dxp = new(() => Load("dxp-transfer-202205.xsd"));

    private static XmlSchemaSet Load(string file)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, SharedFiles.Path_("ceb", "xsd", file));
        set.Compile();
        return set;
    }

    public static List<string> Validate(byte[] xml, CebDirection? direction)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = direction switch { CebDirection.Export => Export.Value, CebDirection.Import => Import.Value, _ => Dxp.Value },
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException ex)
        {
            errors.Add("XmlException: " + ex.Message);
        }
        return errors;
    }
}
