using Silkgate.Simulation.Catalog;
using Silkgate.Simulation.Enterprises;

namespace Silkgate.Simulation.Sales;

internal sealed partial class SaleFactory
{
    private static readonly string[] Variants = ["标准款", "黑色", "白色", "蓝色", "灰色", "红色", "大号", "中号", "小号", "礼盒装"];
    private static readonly Industry[] FallbackExport = [Industry.Crafts, Industry.Kitchenware, Industry.Toys];

    private List<SaleLine> Lines(SimTradeMode mode, Party seller)
    {
        var import = mode is SimTradeMode.Import9610 or SimTradeMode.Import1210;
        var industries = Array.FindAll(seller.Industries, i => (i >= Industry.ImportBeauty) == import);
        if (industries.Length == 0)
        {
            industries = import ? [.. Products.ImportIndustries] : FallbackExport;
        }
        var b2b = mode is SimTradeMode.Export9710 or SimTradeMode.Export9810;
        var count = mode switch
        {
            SimTradeMode.Export9710 => _rng.Between(2, 12),
            SimTradeMode.Export9810 => _rng.Between(3, 20),
            _ => B2CLines.Pick(_rng),
        };
        var lines = new List<SaleLine>(count);
        var used = new HashSet<Product>();
        for (var i = 0; i < count; i++)
        {
            var industry = _rng.Pick(industries);
            var product = _rng.Pick(Products.Of(industry));
            if (!used.Add(product))
            {
                continue;
            }
            var price = Math.Round((decimal)_rng.Between((double)product.MinPrice, (double)product.MaxPrice) * (b2b ? 0.6m : 1m), 2);
            decimal qty = product.Unit == "035"
                ? (b2b ? _rng.Between(100, 2000) : _rng.Between(1, 5))
                : b2b ? (price > 5000 ? _rng.Between(1, 3) : _rng.Between(10, 500))
                : _rng.Chance(0.7) ? 1 : _rng.Chance(0.65) ? 2 : _rng.Between(3, 5);
            var origin = import ? _rng.Pick(Products.OriginsOf(industry)) : "142";
            var index = IndexOf(product);
            lines.Add(new SaleLine(lines.Count + 1, product, seller.Prefix + "-" + index.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                Ean13(seller.Code, index), $"{product.Name}|{_rng.Pick(Variants)}|无品牌", origin, qty, price));
        }
        return lines;
    }

    private static int IndexOf(Product p)
    {
        for (var i = 0; i < Products.All.Count; i++)
        {
            if (ReferenceEquals(Products.All[i], p))
            {
                return i;
            }
        }
        return 0;
    }

    /// <summary>A GS1 China (69x) EAN-13 with a valid check digit, stable per seller and product.</summary>
    internal static string Ean13(string sellerCode, int productIndex)
    {
        var h = 2166136261u;
        foreach (var c in sellerCode)
        {
            h = (h ^ c) * 16777619u;
        }
        var body = "69" + (h % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)
            + (productIndex % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (body[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>Import tax: per line on its value plus its share of freight, at the composite 70 % rate.</summary>
    private static void Tax(Sale sale)
    {
        var goods = sale.GoodsValue;
        var tax = 0m;
        foreach (var l in sale.Lines)
        {
            var dutiable = l.Total + (goods == 0 ? 0 : sale.Freight * l.Total / goods);
            tax += Math.Round(dutiable * l.Product.CompositeImportRate, 2);
        }
        sale.Tax = tax;
    }

    /// <summary>Scales unit prices so that what the buyer pays lands near <paramref name="target"/>, then nudges until
    /// <paramref name="accept"/> holds.</summary>
    private static void Fit(Sale sale, decimal target, Func<decimal, bool> accept)
    {
        for (var round = 0; round < 12; round++)
        {
            Tax(sale);
            var paid = sale.Paid;
            if (accept(paid))
            {
                return;
            }
            var k = paid <= 0 ? 1m : (target + sale.Discount) / (paid + sale.Discount);
            if (round > 3)
            {
                k *= paid < target ? 1.01m : 0.99m;
            }
            sale.Lines = [.. sale.Lines.Select(l => l with { Price = Math.Max(0.01m, Math.Round(l.Price * k, 2)) })];
        }
        Tax(sale);
    }
}
