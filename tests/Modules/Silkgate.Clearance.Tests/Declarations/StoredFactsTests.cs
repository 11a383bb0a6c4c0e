using System.Text.Json;
using System.Text.Json.Serialization;
using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Declarations;

/// <summary>
/// The facts column is written by generated code on the receiving thread and read back by the writer (matching) and the
/// pages: its form must be the one stored before (reflection, nulls left out), and it must read back to the same facts.
/// </summary>
public sealed class StoredFactsTests
{
    private static readonly DocumentDecoder Decoder = Decoding.Decoder;

    private static readonly JsonSerializerOptions Reflection = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static TheoryData<CebDirection, string> Sales => new()
    {
        { CebDirection.Import, "9610" }, { CebDirection.Import, "1210" }, { CebDirection.Export, "9610" }, { CebDirection.Export, "9810" },
    };

    [Theory]
    [MemberData(nameof(Sales))]
    public void Every_document_of_a_sale_is_stored_as_before_and_reads_back_unchanged(CebDirection direction, string mode)
    {
        var sale = new Sale(direction, mode);
        foreach (var document in sale.Kinds.SelectMany(k => Decoder.Decode(sale.Message(k))))
        {
            var json = document.FactsJson;
            Assert.Equal(JsonSerializer.Serialize(document.Facts, Reflection), json);
            Assert.Equal(json, DocumentFacts.ToJson(DocumentFacts.FromJson(json)));
        }
    }
}
