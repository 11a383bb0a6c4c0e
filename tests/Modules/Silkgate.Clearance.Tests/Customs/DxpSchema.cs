using System.Xml;
using System.Xml.Schema;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>The official DXP terminal schema (<c>shared/ceb/xsd</c>), loaded into System.Xml.Schema as an independent check.</summary>
internal static class DxpSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(Shared(), "ceb", "xsd", "dxp-terminal-202205.xsd"));
        set.Compile();
        return set;
    });

    public static List<string> Validate(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static string Shared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Silkgate.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : throw new InvalidOperationException($"Reference material missing: expected {shared} beside the repository.");
            }
        }

        throw new InvalidOperationException("Silkgate.slnx not found above " + AppContext.BaseDirectory);
    }
}
