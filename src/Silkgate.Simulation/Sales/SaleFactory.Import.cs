using Silkgate.Simulation.Catalog;

namespace Silkgate.Simulation.Sales;

internal sealed partial class SaleFactory
{
    /// <summary>Discount, tax, buyer (within the limits unless a limit defect is wanted), consignee, then the defects.</summary>
    private Sale CompleteImport(Sale sale)
    {
        sale.Discount = _rng.Chance(0.2) ? Math.Min(_rng.Pick([5m, 10m, 20m, 30m]), Math.Round(sale.GoodsValue * 0.2m, 2)) : 0m;
        Tax(sale);
        var year = sale.OrderedAt.Year;
        if (_defects.Roll(_options.Defects.OverSingleLimit))
        {
            Fit(sale, (decimal)_rng.Between(5200, 9000), p => p > BuyerPool.SingleLimit);
            sale.Buyer = _buyers.Pick(year, sale.Paid);
            sale.Defects |= SaleDefects.OverSingleLimit;
        }
        else if (_defects.WantsAnnual() && _buyers.NearLimit(year, 4_900m) is { } near)
        {
            var room = BuyerPool.AnnualLimit - near.SpentIn(year);
            var target = room + ((BuyerPool.SingleLimit - room) * (decimal)_rng.Between(0.2, 0.9));
            Fit(sale, Math.Round(target, 2), p => p > room && p <= BuyerPool.SingleLimit);
            sale.Buyer = near;
            sale.Defects |= SaleDefects.OverAnnualLimit;
            _defects.AnnualApplied();
        }
        else
        {
            if (sale.Paid > BuyerPool.SingleLimit)
            {
                Fit(sale, (decimal)_rng.Between(3000, 4900), p => p <= BuyerPool.SingleLimit);
            }
            // While an over-limit sale waits for a buyer near the limit, ordinary large purchases bring one there.
            var buyer = _defects.AnnualPending ? _buyers.Heaviest(year, sale.Paid) : _buyers.Pick(year, sale.Paid);
            var room = BuyerPool.AnnualLimit - buyer.SpentIn(year);
            if (buyer.Heavy && (_defects.AnnualPending || _rng.Chance(0.7)) && room > 2600)
            {
                var target = (decimal)_rng.Between(2500, (double)Math.Min(4900m, room - 50));
                Fit(sale, target, p => p <= BuyerPool.SingleLimit && p <= room);
            }
            sale.Buyer = buyer;
        }
        sale.Buyer.Record(year, sale.Paid);
        sale.Consignee = _rng.Chance(0.85)
            ? new Consignee(sale.Buyer.Name, sale.Buyer.Phone, sale.Buyer.Address, sale.Buyer.District)
            : new Consignee(_rng.Pick(Names.Surnames) + _rng.Pick(Names.GivenChars) + _rng.Pick(Names.GivenChars),
                BuyerPool.Phone(_rng), sale.Buyer.Address, sale.Buyer.District);
        return _defects.ApplyCommon(sale);
    }
}
