using System.Text;
using System.Xml;

namespace Silkgate.Ceb.Signing;

/// <summary>Loads and saves messages without DTDs or external resolution, keeping every whitespace node.</summary>
internal static class CebXmlIo
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = false,
        IgnoreWhitespace = false,
        CloseInput = false,
    };

    // Entitize keeps carriage returns and newlines inside attribute values through a save and reload,
    // so the digest stays what was signed.
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        OmitXmlDeclaration = true,
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    public static XmlDocument Load(Stream stream)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(stream, ReaderSettings);
        document.Load(reader);
        return document;
    }

    public static XmlDocument Load(ReadOnlySpan<byte> xml)
    {
        using var stream = new MemoryStream(xml.ToArray(), writable: false);
        return Load(stream);
    }

    public static void Save(XmlDocument document, Stream output)
    {
        // XmlWriter would rewrite the declaration in its own spelling; it is written here as the message had it,
        // except that the bytes are UTF-8 whatever encoding the declaration claimed.
        if (document.FirstChild is XmlDeclaration declaration)
        {
            var standalone = declaration.Standalone.Length > 0 ? $" standalone=\"{declaration.Standalone}\"" : string.Empty;
            output.Write(Encoding.UTF8.GetBytes($"<?xml version=\"{declaration.Version}\" encoding=\"UTF-8\"{standalone}?>"));
        }

        using var writer = XmlWriter.Create(output, WriterSettings);
        document.Save(writer);
    }

    public static byte[] Save(XmlDocument document)
    {
        using var output = new MemoryStream();
        Save(document, output);
        return output.ToArray();
    }
}
