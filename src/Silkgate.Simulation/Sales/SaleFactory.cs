using System.Globalization;
using Silkgate.Simulation.Catalog;
using Silkgate.Simulation.Enterprises;
using Silkgate.Simulation.Randomness;

namespace Silkgate.Simulation.Sales;

/// <summary>Creates the day's sales in order-time order. One sequential generator: same options, same sales.</summary>
internal sealed partial class SaleFactory
{
    private static readonly WeightedChoice<int> B2CLines = new([(1, 55), (2, 25), (3, 10), (4, 6), (5, 4)]);
    private readonly TradeGeneratorOptions _options;
    private readonly PartyDirectory _dir;
    private readonly Prng _rng;
    private readonly TradeCalendar _calendar;
    private readonly WeightedChoice<SimTradeMode> _modes;
    private readonly BuyerPool _buyers;
    private readonly DefectPlanner _defects;
    private int _serial;

    public SaleFactory(TradeGeneratorOptions options, PartyDirectory dir)
    {
        _options = options;
        _serial = options.FirstSerial;
        _dir = dir;
        _rng = Prng.For(options.Seed, 0x5A1E);
        _calendar = new TradeCalendar(options.Start, options.AnnualGrowth, options.Seasonality);
        _modes = new(Enum.GetValues<SimTradeMode>().Select(m => (m, options.ModeMix.Weight(m))));
        var importShare = (options.ModeMix.Import9610 + options.ModeMix.Import1210) / Enum.GetValues<SimTradeMode>().Sum(options.ModeMix.Weight);
        _buyers = new BuyerPool(Prng.For(options.Seed, 0xB0B), (int)Math.Max(500, options.SalesPerDay * Math.Min(options.Days, 365) * importShare / 4));
        _defects = new DefectPlanner(options.Defects, _rng, _buyers);
    }

    public TradeCalendar Calendar => _calendar;

    public IEnumerable<Sale> Day(DateOnly day)
    {
        var n = _rng.Count(_options.SalesPerDay * _calendar.Factor(day));
        var times = new DateTime[n];
        for (var i = 0; i < n; i++)
        {
            times[i] = TradeCalendar.TimeOfDay(day, _rng);
        }
        Array.Sort(times);
        foreach (var t in times)
        {
            yield return Create(t);
        }
    }

    private Sale Create(DateTime at)
    {
        var mode = _modes.Pick(_rng);
        var serial = ++_serial;
        var import = mode is SimTradeMode.Import9610 or SimTradeMode.Import1210;
        var seller = import ? _dir.ImportSellerChoice.Pick(_rng) : _dir.SellerChoice.Pick(_rng);
        var platforms = import ? _dir.ImportPlatforms : _dir.Platforms;
        var platform = platforms.Length > 0 && (import || _rng.Chance(0.75)) ? SameZone(platforms, seller, 0.6) : seller;
        var logistics = SameZone(_dir.Logistics, seller, 0.6);
        var agent = _dir.Agents.Length > 0 && _rng.Chance(0.3) ? SameZone(_dir.Agents, seller, 0.7) : import && _rng.Chance(0.4) ? logistics : seller;
        var warehouse = mode is SimTradeMode.Export1210 or SimTradeMode.Import1210 && _dir.Warehouses.Length > 0 ? SameZone(_dir.Warehouses, seller, 0.8) : null;
        var lines = Lines(mode, seller);
        var country = import ? lines[0].Origin : Countries.ExportChoice.Pick(_rng);
        var traf = Transport(mode, country);
        var stamp = at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var sale = new Sale
        {
            Serial = serial,
            Mode = mode,
            OrderedAt = at,
            Seller = seller,
            Platform = platform,
            Logistics = logistics,
            Payment = SameZone(_dir.Payments, seller, 0.5),
            Agent = agent,
            Warehouse = warehouse,
            OrderNo = platform.Prefix + stamp + serial.ToString("D9", CultureInfo.InvariantCulture),
            LogisticsNo = "ZJ" + logistics.Code[^4..] + serial.ToString("D12", CultureInfo.InvariantCulture),
            PayNo = "42" + stamp + _rng.Digits(6) + serial.ToString("D10", CultureInfo.InvariantCulture),
            CopNo = "C" + agent.Code[^4..] + serial.ToString("D12", CultureInfo.InvariantCulture),
            Country = country,
            TrafMode = traf.Mode,
            PortCode = mode == SimTradeMode.Import1210 ? seller.CustomsDistrict : traf.Port,
            Lines = lines,
            Buyer = null,
        };
        sale.Freight = Freight(sale);
        return import ? CompleteImport(sale) : _defects.ApplyExport(sale);
    }

    private Party SameZone(Party[] parties, Party seller, double preference)
    {
        if (_rng.Chance(preference))
        {
            var local = Array.FindAll(parties, p => p.Enterprise.ZoneCode == seller.Enterprise.ZoneCode);
            if (local.Length > 0)
            {
                return _rng.Pick(local);
            }
        }
        return _rng.Pick(parties);
    }

    private (string Mode, string Port) Transport(SimTradeMode mode, string country)
    {
        var railCountry = country is "344" or "304" or "327" or "145";
        return mode switch
        {
            SimTradeMode.Export9710 or SimTradeMode.Export9810 when railCountry && _rng.Chance(0.4) => ("3", "2921"),
            SimTradeMode.Export9710 or SimTradeMode.Export9810 when _rng.Chance(0.8) => ("2", _rng.Chance(0.7) ? "3104" : "2207"),
            SimTradeMode.Import1210 => ("4", ""),
            SimTradeMode.Import9610 => ("5", _rng.Chance(0.6) ? "2910" : "2233"),
            _ when railCountry && _rng.Chance(0.25) => ("3", "2921"),
            _ => ("5", _rng.Chance(0.3) ? "2233" : _rng.Pick(Zones.ExitPorts)),
        };
    }

    private decimal Freight(Sale sale) => sale.Mode switch
    {
        SimTradeMode.Export9710 or SimTradeMode.Export9810 => Math.Round(sale.GoodsValue * (decimal)_rng.Between(0.02, 0.05), 2),
        SimTradeMode.Import9610 or SimTradeMode.Import1210 => _rng.Chance(0.6) ? 0m : _rng.Pick([6m, 8m, 10m, 12m, 15m, 20m]),
        _ => Math.Round(18m + (sale.GrossKg * (decimal)_rng.Between(30, 60)), 2),
    };
}
