using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Tests.Support;
using Silkgate.Ceb.Writing;

namespace Silkgate.Ceb.Tests;

public class RoundTripTests
{
    public static TheoryData<int> AllTypes() => new(CebMessageType.All.Select(t => t.Code));

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Sample_written_read_and_written_again_gives_identical_bytes_and_equal_model(int code)
    {
        var type = CebMessageType.FromCode(code);
        var sample = CebSamples.Create(type);
        var first = CebWriter.ToBytes(sample);
        var read = CebReader.Read(first);
        Assert.Null(read.Failure);
        Assert.Empty(read.Problems);
        Assert.Same(type, read.MessageType);
        Assert.Null(ModelComparer.Difference(sample, read.Message!));
        Assert.Equal(first, CebWriter.ToBytes(read.Message!));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Sample_of_every_type_is_valid_per_the_official_xsd(int code)
    {
        var type = CebMessageType.FromCode(code);
        var xml = CebWriter.ToBytes(CebSamples.Create(type));
        Assert.Empty(XsdOracle.Validate(xml, type.Direction));
    }

    [Fact]
    public void Export_writes_signature_before_extension_and_import_after()
    {
        var export = CebWriter.ToXml(Sign(CebSamples.Create(CebMessageType.Ceb303)));
        var import = CebWriter.ToXml(CebSamples.Create(CebMessageType.Ceb621));
        Assert.True(export.IndexOf("<ds:Signature", StringComparison.Ordinal) < export.IndexOf("<ceb:ExtendMessage", StringComparison.Ordinal));
        Assert.True(import.IndexOf("<ds:Signature", StringComparison.Ordinal) > import.IndexOf("<ceb:ExtendMessage", StringComparison.Ordinal));
    }

    [Fact]
    public void Writer_emits_plain_decimals_and_upper_case_guid()
    {
        var m = (Export.Ceb303Message)CebSamples.Create(CebMessageType.Ceb303);
        m.Guid = "abcdef00-0000-0000-0000-000000000000";
        m.Order[0].OrderList[0].Price = 12.50000m;
        m.Order[0].OrderList[0].Qty = 100m;
        m.Order[0].OrderHead.Freight = 0.000m;
        var xml = CebWriter.ToXml(m);
        Assert.Contains("guid=\"ABCDEF00-0000-0000-0000-000000000000\"", xml, StringComparison.Ordinal);
        Assert.Contains("<ceb:price>12.5</ceb:price>", xml, StringComparison.Ordinal);
        Assert.Contains("<ceb:qty>100</ceb:qty>", xml, StringComparison.Ordinal);
        Assert.Contains("<ceb:freight>0</ceb:freight>", xml, StringComparison.Ordinal);
    }

    internal static CebMessage Sign(CebMessage m)
    {
        m.GetType().GetProperty("Signature")!.SetValue(m, CebSamples.PlaceholderSignature());
        return m;
    }
}
