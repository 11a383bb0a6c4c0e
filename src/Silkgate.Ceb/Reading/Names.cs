using System.Xml;
using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb.Reading;

/// <summary>A NameTable pre-filled with every name of the schema model, so the reader hands back the very string
/// instances of the model and names compare by reference. One per thread; replaced after a read that added foreign names.</summary>
internal sealed class Names
{
    [ThreadStatic] private static Names? t_current;

    private Names()
    {
        Table = new NameTable();
        foreach (var m in Export.ExportSchema.Messages.Concat(Import.ImportSchema.Messages))
        {
            Add(m);
        }
        foreach (var s in new[] { CebNames.Ceb, CebNames.Ds, CebNames.Dxp, "guid", "version", "ver", "Id", "Ver" })
        {
            Table.Add(s);
        }
        foreach (var s in Dxp.DxpNames.All)
        {
            Table.Add(s);
        }
        XmlnsNs = Table.Add("http://www.w3.org/2000/xmlns/");
        XsiNs = Table.Add("http://www.w3.org/2001/XMLSchema-instance");
        Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            NameTable = Table,
            CloseInput = false,
            IgnoreComments = false,
            IgnoreProcessingInstructions = false,
            IgnoreWhitespace = false,
            MaxCharactersFromEntities = 1024,
        };
    }

    private void Add(SchemaEntity e)
    {
        Table.Add(e.Name);
        foreach (var s in e.Slots)
        {
            Table.Add(s.Name);
            Table.Add(s.Namespace);
            if (s.Entity is not null)
            {
                Add(s.Entity);
            }
        }
    }

    public NameTable Table { get; }
    public XmlReaderSettings Settings { get; }
    public string XmlnsNs { get; }
    public string XsiNs { get; }
    private int _uses;

    public static Names Rent()
    {
        var n = t_current ??= new Names();
        n._uses++;
        return n;
    }

    /// <summary>A document with problems may have put arbitrary names into the table; start afresh so it cannot grow without bound.</summary>
    public static void Return(Names names, bool clean)
    {
        if (!clean || names._uses > 100_000)
        {
            t_current = null;
        }
    }
}
