using System.Globalization;
using Silkgate.Ceb.Validation;
using Silkgate.Simulation.Catalog;
using Silkgate.Simulation.Randomness;

namespace Silkgate.Simulation.Sales;

/// <summary>
/// Import buyers. Buyers repeat: most buy a few times a year, a small heavy group (3 %) buys often and for more,
/// and so approaches the ¥26,000 annual limit; a purchase that would cross the limit goes to another buyer unless
/// the sale is meant to be over the limit.
/// </summary>
internal sealed class BuyerPool(Prng rng, int size)
{
    public const decimal AnnualLimit = 26_000m;
    public const decimal SingleLimit = 5_000m;
    private static readonly WeightedChoice<(string Code, string Place)> Regions = new(BuyerRegions.All.Select(r => ((r.Code, r.Place), r.Weight)));
    private readonly List<Buyer> _buyers = [];
    private readonly List<Buyer> _heavy = [];

    /// <summary>A buyer who can still spend <paramref name="amount"/> this year.</summary>
    public Buyer Pick(int year, decimal amount)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            Buyer b;
            if (_heavy.Count > 0 && rng.Chance(0.3))
            {
                b = rng.Pick(_heavy);
            }
            else if (_buyers.Count < size)
            {
                b = Create();
            }
            else
            {
                b = rng.Pick(_buyers);
            }
            if (b.SpentIn(year) + amount <= AnnualLimit)
            {
                return b;
            }
        }
        return Create();
    }

    /// <summary>The heavy buyer with the least room left this year, when the room is under <paramref name="below"/>.</summary>
    public Buyer? NearLimit(int year, decimal below)
    {
        Buyer? best = null;
        foreach (var b in _heavy)
        {
            var room = AnnualLimit - b.SpentIn(year);
            if (room > 50 && room < below && (best is null || room < AnnualLimit - best.SpentIn(year)))
            {
                best = b;
            }
        }
        return best;
    }

    /// <summary>The heavy buyer who has spent most this year and can still take <paramref name="amount"/> (created if none).</summary>
    public Buyer Heaviest(int year, decimal amount)
    {
        Buyer? best = null;
        foreach (var b in _heavy)
        {
            if (b.SpentIn(year) + amount <= AnnualLimit && (best is null || b.SpentIn(year) > best.SpentIn(year)))
            {
                best = b;
            }
        }
        return best ?? Create(heavy: true);
    }

    public IReadOnlyList<Buyer> Buyers => _buyers;

    private Buyer Create(bool heavy = false)
    {
        var region = Regions.Pick(rng);
        var male = rng.Chance(0.45);
        var birth = new DateOnly(1965, 1, 1).AddDays(rng.Next(365 * 38));
        var seq = rng.Between(0, 99).ToString("D2", CultureInfo.InvariantCulture) + (char)('0' + (rng.Next(5) * 2) + (male ? 1 : 0));
        var first17 = region.Code + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq;
        var id = first17 + Identifiers.ResidentIdCheckCharacter(first17);
        var name = rng.Pick(Names.Surnames) + rng.Pick(Names.GivenChars) + (rng.Chance(0.7) ? rng.Pick(Names.GivenChars) : "");
        var phone = Phone(rng);
        var address = $"{region.Place}{rng.Pick(Names.Streets)}{rng.Between(1, 999)}号{rng.Pick(Names.Communities)}{rng.Between(1, 30)}幢{rng.Between(1, 32)}0{rng.Between(1, 4)}室";
        heavy |= rng.Chance(0.03);
        var buyer = new Buyer(id, name, phone, "u" + rng.Digits(10), region.Code, address, heavy);
        _buyers.Add(buyer);
        if (heavy)
        {
            _heavy.Add(buyer);
        }
        return buyer;
    }

    public static string Phone(Prng rng) => rng.Pick(Names.MobilePrefixes) + rng.Digits(8);
}
