using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;

namespace Silkgate.Clearance.Matching.Rules;

/// <summary>The list's e-commerce enterprise (consignor or consignee, ebcCode) is the order's.</summary>
internal sealed class ListMustNameTheOrderEnterprise : ISaleRule
{
    public string Name => nameof(ListMustNameTheOrderEnterprise);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is { } o && sale.List is { } l)
        {
            RuleKit.Texts(found, Name, "ebcCode", o.EbcCode, l.EbcCode, CebDocumentKind.Order, CebDocumentKind.DeclarationList);
        }
    }
}

/// <summary>The list's trade mode suits the order type: import I → 9610/1210; export E → 9610/1210, B → 9710, W → 9810.</summary>
internal sealed class ListTradeModeMustSuitTheOrderType : ISaleRule
{
    public string Name => nameof(ListTradeModeMustSuitTheOrderType);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is not { OrderType: { } type } || sale.List is not { TradeMode: { } mode })
        {
            return;
        }

        bool suits = type switch
        {
            "I" or "E" => mode is "9610" or "1210",
            "B" => mode == "9710",
            "W" => mode == "9810",
            _ => false,
        };
        if (!suits)
        {
            found.Add(new Mismatch(Name, "orderType ~ tradeMode", type, mode, CebDocumentKind.Order, CebDocumentKind.DeclarationList));
        }
    }
}

/// <summary>Order lines and list lines pair by gnum: same item (itemNo, itemName), quantity, price and total; no line on one side only.</summary>
internal sealed class OrderLinesMustMatchListLines : ISaleRule
{
    public string Name => nameof(OrderLinesMustMatchListLines);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is not { } o || sale.List is not { } l)
        {
            return;
        }

        const CebDocumentKind A = CebDocumentKind.Order, B = CebDocumentKind.DeclarationList;
        var listLines = l.Lines.GroupBy(x => x.Gnum).ToDictionary(g => g.Key, g => g.First());
        foreach (var ol in o.Lines)
        {
            var path = $"OrderList[gnum={ol.Gnum}]";
            if (!listLines.Remove(ol.Gnum, out var ll))
            {
                found.Add(new Mismatch(Name, path, ol.ItemNo ?? ol.ItemName, null, A, B));
                continue;
            }

            RuleKit.Texts(found, Name, path + "/itemNo", ol.ItemNo, ll.ItemNo, A, B);
            RuleKit.Texts(found, Name, path + "/itemName", ol.ItemName, ll.ItemName, A, B);
            RuleKit.Amounts(found, Name, path + "/qty", ol.Qty, ll.Qty, A, B, options);
            RuleKit.Amounts(found, Name, path + "/price", ol.Price, ll.Price, A, B, options);
            RuleKit.Amounts(found, Name, path + "/totalPrice", ol.TotalPrice, ll.TotalPrice, A, B, options);
        }

        foreach (var extra in listLines.Values.OrderBy(x => x.Gnum))
        {
            found.Add(new Mismatch(Name, $"InventoryList[gnum={extra.Gnum}]", null, extra.ItemNo ?? extra.ItemName, A, B));
        }
    }
}

/// <summary>The list's goods total (Σ line totalPrice) equals the order's goodsValue.</summary>
internal sealed class ListGoodsTotalMustEqualOrderGoodsValue : ISaleRule
{
    public string Name => nameof(ListGoodsTotalMustEqualOrderGoodsValue);

    public void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found)
    {
        if (sale.Order is { } o && sale.List is { } l)
        {
            RuleKit.Amounts(found, Name, "OrderHead/goodsValue ~ Σ InventoryList/totalPrice", o.GoodsValue, l.Lines.Sum(x => x.TotalPrice ?? 0),
                CebDocumentKind.Order, CebDocumentKind.DeclarationList, options);
        }
    }
}

/// <summary>Element names of goods lines, for field paths.</summary>
internal static class Lines
{
    public static string Element(CebDocumentKind kind) => kind == CebDocumentKind.Order ? "OrderList" : "InventoryList";

    public static long Total(DocumentFacts facts) => facts.Lines.Sum(l => l.TotalPrice ?? 0);
}
