using System.Xml;
using BenchmarkDotNet.Attributes;
using Silkgate.Ceb;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Validation;
using Silkgate.Ceb.Writing;

namespace Silkgate.Ceb.Benchmarks;

/// <summary>Typical single-entity messages of about 4 KB: an export 603 list and an import 311 order with several items.
/// The bare XmlReader pass over the same bytes is the yardstick for read + validation.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CebBenchmarks
{
    private XmlReaderSettings _bareSettings = null!;
    private byte[] _bytes = [];
    private CebMessage _message = null!;

    [Params(603, 311)]
    public int Type { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = CebSamples.Create(CebMessageType.FromCode(Type), lines: 4);
        _bytes = CebWriter.ToBytes(_message);
        // The very XmlReaderSettings the library reads with (same flags, same pre-filled NameTable), for a fair baseline.
        _bareSettings = Silkgate.Ceb.Reading.Names.Rent().Settings;
        Console.WriteLine($"// {CebMessageType.FromCode(Type)}: {_bytes.Length} bytes");
        if (!CebValidator.Validate(_bytes).IsValid)
        {
            throw new InvalidOperationException("benchmark message is not valid");
        }
    }

    /// <summary>What any consumer must at least do: every node read, and the value of every text node and attribute
    /// fetched as a string (the library needs those strings for the model).</summary>
    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public int BareXmlReader()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes, writable: false), _bareSettings);
        int n = 0;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                    n += reader.Value.Length;
                    break;
                case XmlNodeType.Element:
                    while (reader.MoveToNextAttribute())
                    {
                        n += reader.Value.Length;
                    }
                    break;
            }
        }
        return n;
    }

    [Benchmark(Description = "read + full validation")]
    public bool ReadAndValidate() => CebValidator.Validate(_bytes).IsValid;

    [Benchmark(Description = "write")]
    public int Write() => CebWriter.ToBytes(_message).Length;
}
