using System.Text.Json;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs.Receipts;
using Silkgate.Clearance.Outbox;

namespace Silkgate.Clearance.Tests.Outbox;

/// <summary>The generated serializer writes exactly what the readers of the outbox read (the web defaults by reflection).</summary>
public sealed class EventJsonTests
{
    public static TheoryData<object> Events => new()
    {
        new MessageReceived(7, "guid-7", "CEB311Message", 3, 1_764_000_000_000, "CEB312Message", [1, -301010, 2]),
        new MessageReceived(8, null, "CEB621Message", 3, 1, "CEB622Message", []),
        new SaleMatched(1, "3301960001", "ORDER-1", null, "I"),
        new SaleReady(1, "3301960001", "ORDER-1", "1210", "I"),
        new ListDeclared(5, null, "E", "3301960001", "ORDER-1", "COP-1", null, "9610", 9),
        new DocumentEnqueued(5, "CEB603Message", "guid-5", 3),
        new CustomsStatusChanged(5, "DeclarationList", "I", 1, "Released", "800", "CEB622Message"),
        new ListCustomsEvent(5, 1, "I", "3301960001", "ORDER-1", "INVT-1", "Released", "800"),
        new TaxBillChanged("TAX-1", "INVT-1", null, "Issued", 1_234, 5_678, 0),
        new SummaryResultReceived("SEQ-1", "SUM-1", null, "1", "3301960001", 4),
        new ReceiptRelayed(11, 3, "CEB312Message", "guid-5 \"quoted\" 中文"),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Each_event_of_the_module_is_written_as_the_web_defaults_write_it(object payload)
    {
        var generated = EventJson.Serialize(payload);
        Assert.Equal(JsonSerializer.Serialize(payload, payload.GetType(), JsonSerializerOptions.Web), generated);
        Assert.NotNull(EventJsonContext.Default.GetTypeInfo(payload.GetType()));
    }

    [Fact]
    public void An_event_of_another_module_is_written_by_reflection_with_the_same_defaults()
    {
        var payload = new { SaleId = 1L, Note = (string?)null };
        Assert.Null(EventJsonContext.Default.GetTypeInfo(payload.GetType()));
        Assert.Equal("{\"saleId\":1,\"note\":null}", EventJson.Serialize(payload));
    }
}
