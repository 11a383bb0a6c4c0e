using Silkgate.Ceb;
using Silkgate.Simulation.Randomness;

namespace Silkgate.Simulation.Sales;

/// <summary>
/// Decides the defects of each sale from the configured rates. Over-annual-limit needs a buyer close to the limit;
/// until one exists a wanted defect is kept pending and applied to a later import sale, so the count still comes
/// out as configured.
/// </summary>
internal sealed class DefectPlanner(DefectRates rates, Prng rng, BuyerPool buyers)
{
    private int _pendingAnnual;

    public BuyerPool Buyers => buyers;

    public bool Roll(double rate) => rng.Chance(rate);

    public bool WantsAnnual()
    {
        if (Roll(rates.OverAnnualLimit))
        {
            _pendingAnnual++;
        }
        return _pendingAnnual > 0;
    }

    public void AnnualApplied() => _pendingAnnual--;

    /// <summary>An over-annual-limit sale is wanted but no buyer is close enough to the limit yet.</summary>
    public bool AnnualPending => _pendingAnnual > 0;

    public Sale ApplyExport(Sale sale) => ApplyCommon(sale);

    public Sale ApplyCommon(Sale sale)
    {
        var docs = sale.Documents;
        var payment = docs.Count == 4 ? docs[1] : null;
        if (payment is not null && Roll(rates.AmountMismatch))
        {
            var paid = sale.Paid;
            var delta = rng.Chance(0.5) ? Math.Round((decimal)rng.Between(0.5, 50), 2) : Math.Round(paid * 0.1m, 2);
            sale.PaidOverride = rng.Chance(0.5) || paid - delta <= 0 ? paid + delta : paid - delta;
            sale.Defects |= SaleDefects.AmountMismatch;
        }
        if (sale.IsImport && Roll(rates.ConsigneeMismatch))
        {
            var c = sale.Consignee!;
            sale.WaybillConsignee = rng.Next(3) switch
            {
                0 => c with { Name = c.Name[..1] + "某" + (c.Name.Length > 2 ? c.Name[2..] : "") },
                1 => c with { Phone = BuyerPool.Phone(rng) },
                _ => c with { Address = c.Address + "(代收点)" },
            };
            sale.Defects |= SaleDefects.ConsigneeMismatch;
        }
        if (Roll(rates.StaleMessage))
        {
            sale.Stale = rng.Pick(docs);
            sale.Defects |= SaleDefects.StaleMessage;
        }
        if (Roll(rates.DuplicateMessage))
        {
            sale.Duplicated = rng.Pick(docs);
            sale.Defects |= SaleDefects.DuplicateMessage;
        }
        if (Roll(rates.DuplicateOrderNumber))
        {
            sale.Defects |= SaleDefects.DuplicateOrderNumber;
        }
        if (Roll(rates.MissingDocument))
        {
            var free = docs.Where(d => d != sale.Stale && d != sale.Duplicated
                && !(d == payment && sale.PaidOverride is not null)
                && !(d == CebMessageType.Ceb511 && sale.WaybillConsignee is not null)
                && !(d == docs[0] && sale.Defects.HasFlag(SaleDefects.DuplicateOrderNumber))).ToList();
            sale.Missing = free.Count > 0 ? rng.Pick(free) : rng.Pick(docs);
            sale.Defects |= SaleDefects.MissingDocument;
        }
        return sale;
    }
}
