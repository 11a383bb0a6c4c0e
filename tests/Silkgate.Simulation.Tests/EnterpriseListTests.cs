namespace Silkgate.Simulation.Tests;

public sealed class EnterpriseListTests
{
    /// <summary>Shaped like the registry's demo enterprises: codes, names, roles, zones (no USCC, no district).</summary>
    private static readonly SimEnterprise[] Demo =
    [
        new("2907960001", "湖州织里童装跨境电商有限公司", [SimRole.ECommerceEnterprise], "330500"),
        new("2908960005", "嘉兴南湖跨境电商平台有限公司", [SimRole.ECommercePlatform], "330400"),
        new("2908960006", "海宁皮革城跨境贸易有限公司", [SimRole.ECommerceEnterprise], "330400"),
        new("2908960008", "平湖国际物流有限公司", [SimRole.Logistics], "330400"),
        new("2907960003", "长兴太湖供应链管理有限公司", [SimRole.Logistics, SimRole.SupervisedSiteOperator], "330500"),
        new("2905960013", "台州椒江跨境支付服务有限公司", [SimRole.Payment], "331000"),
        new("2905960015", "玉环阀门出海有限公司", [SimRole.ECommerceEnterprise, SimRole.OverseasWarehouse], "331000"),
        new("2915960019", "青田侨乡进口商品贸易有限公司", [SimRole.ECommerceEnterprise, SimRole.ECommercePlatform], "331100") { ImportTrade = true },
        new("2915960020", "龙泉宝剑青瓷出口有限公司", [SimRole.ECommerceEnterprise], "331100"),
    ];

    [Fact]
    public void Trade_between_given_enterprises_uses_only_their_codes()
    {
        var g = new TradeGenerator(Runs.Small() with { Enterprises = Demo });
        var codes = Demo.Select(e => e.Code).ToHashSet();
        var messages = g.Messages().ToList();
        Assert.All(messages, m => Assert.Contains(m.SenderCode, codes));
        var sales = g.Sales().ToList();
        Assert.All(sales, s => Assert.Contains(s.SellerCode, codes));
        Assert.All(sales.Where(s => s.IsImport), s => Assert.Equal("2915960019", s.SellerCode));
        Assert.All(sales.Where(s => !s.IsImport), s => Assert.NotEqual("2915960019", s.SellerCode));
        Assert.All(messages, m => Assert.True(Silkgate.Ceb.Validation.CebValidator.Validate(m.Bytes).IsValid));
    }

    [Fact]
    public void Goods_follow_the_seller_name()
    {
        var sales = new TradeGenerator(Runs.Small() with { Enterprises = Demo, ModeMix = TradeModeMix.ExportOnly }).Messages()
            .Where(m => m.MessageType == Silkgate.Ceb.CebMessageType.Ceb603)
            .SelectMany(m => ((Silkgate.Ceb.Export.Ceb603Message)Silkgate.Ceb.Reading.CebReader.Read(m.Bytes).Message!).Inventory)
            .ToList();
        var valves = sales.Where(i => i.InventoryHead.EbcCode == "2905960015").SelectMany(i => i.InventoryList).ToList();
        Assert.NotEmpty(valves);
        Assert.All(valves, l => Assert.True(l.Gcode!.StartsWith("8481", StringComparison.Ordinal), l.Gcode));
        var longquan = sales.Where(i => i.InventoryHead.EbcCode == "2915960020").SelectMany(i => i.InventoryList).ToList();
        Assert.All(longquan, l => Assert.Contains(l.Gcode![..4], new[] { "9307", "6913", "6911" }));
    }

    [Fact]
    public void A_list_without_a_payment_firm_cannot_trade()
    {
        var noPayment = Demo.Where(e => !e.Has(SimRole.Payment)).ToList();
        Assert.Throws<ArgumentException>(() => new TradeGenerator(new TradeGeneratorOptions { Enterprises = noPayment }));
    }

    [Fact]
    public void Batched_messages_hold_up_to_the_configured_number_of_entities_of_one_sender_and_type()
    {
        var messages = new TradeGenerator(Runs.Small(entities: 100) with { Enterprises = Demo, Days = 1, SalesPerDay = 3_000, BatchWindow = TimeSpan.FromHours(3) }).Messages().ToList();
        Assert.All(messages, m => Assert.InRange(m.OrderNos.Count, 1, 100));
        Assert.Contains(messages, m => m.OrderNos.Count == 100);
        foreach (var m in messages.Where(m => m.OrderNos.Count > 1).Take(50))
        {
            var heads = Head.Of(m).ToList();
            Assert.Equal(m.OrderNos.Count, heads.Count);
        }
    }
}
