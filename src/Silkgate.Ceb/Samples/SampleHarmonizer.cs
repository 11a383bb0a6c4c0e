namespace Silkgate.Ceb.Samples;

/// <summary>Makes sample head totals agree with their lines, as the business checks require.</summary>
internal static class SampleHarmonizer
{
    internal static void Harmonize(CebMessage msg)
    {
        switch (msg)
        {
            case Import.Ceb311Message m:
                foreach (var o in m.Order)
                {
                    o.OrderHead.GoodsValue = o.OrderList.Sum(l => l.TotalPrice ?? 0);
                    o.OrderHead.Freight = 10m;
                    o.OrderHead.TaxTotal = 5.5m;
                    o.OrderHead.Discount = 0m;
                    o.OrderHead.ActuralPaid = o.OrderHead.GoodsValue + 10m + 5.5m;
                }
                break;
            case Export.Ceb303Message m:
                foreach (var o in m.Order)
                {
                    o.OrderHead.GoodsValue = o.OrderList.Sum(l => l.TotalPrice ?? 0);
                }
                break;
            case Import.Ceb411Message m:
                foreach (var p in m.Payment)
                {
                    p.PaymentHead.AmountPaid = 90.5m;
                }
                break;
        }
    }
}
