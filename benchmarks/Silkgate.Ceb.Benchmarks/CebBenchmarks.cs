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
public class CebBenchmarks
{
    private static readonly XmlReaderSettings BareSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
    private byte[] _bytes = [];
    private CebMessage _message = null!;

    [Params(603, 311)]
    public int Type { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = CebSamples.Create(CebMessageType.FromCode(Type), lines: 4);
        _bytes = CebWriter.ToBytes(_message);
        Console.WriteLine($"// {CebMessageType.FromCode(Type)}: {_bytes.Length} bytes");
        if (!CebValidator.Validate(_bytes).IsValid)
        {
            throw new InvalidOperationException("benchmark message is not valid");
        }
    }

    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public int BareXmlReader()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes, writable: false), BareSettings);
        int n = 0;
        while (reader.Read())
        {
            n++;
        }
        return n;
    }

    [Benchmark(Description = "read + full validation")]
    public bool ReadAndValidate() => CebValidator.Validate(_bytes).IsValid;

    [Benchmark(Description = "write")]
    public int Write() => CebWriter.ToBytes(_message).Length;
}
