using Silkgate.Simulation.Documents;
using Silkgate.Simulation.Enterprises;
using Silkgate.Simulation.Sales;

namespace Silkgate.Simulation;

/// <summary>
/// Synthetic cross-border e-commerce trade: sales between the given (or generated) enterprises and the CEB messages
/// each party sends for them, in send-time order, with configurable defects. Deterministic: the same options give
/// the same bytes.
/// </summary>
public sealed class TradeGenerator
{
    private readonly TradeGeneratorOptions _options;

    public TradeGenerator(TradeGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Days);
        ArgumentOutOfRangeException.ThrowIfNegative(options.FirstSerial);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SalesPerDay);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EntitiesPerMessage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.EntitiesPerMessage, 100);
        if (options.AppStatus is not ("1" or "2"))
        {
            throw new ArgumentException("AppStatus must be \"1\" or \"2\".", nameof(options));
        }
        _options = options;
        Enterprises = options.Enterprises ?? GenerateEnterprises(options.Seed);
        _ = new PartyDirectory(Enterprises, options.Seed); // fail fast on a list that cannot trade
    }

    /// <summary>The trading enterprises (given or generated).</summary>
    public IReadOnlyList<SimEnterprise> Enterprises { get; }

    /// <summary>The demo province's enterprises: about <paramref name="sellers"/> sellers spread over the five zones by
    /// their weight, with platforms, logistics, payment, comprehensive-service, overseas-warehouse and service firms.</summary>
    public static IReadOnlyList<SimEnterprise> GenerateEnterprises(long seed, int sellers = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sellers, 1);
        return EnterpriseFactory.Generate(seed, sellers);
    }

    /// <summary>The messages, lazily, in send-time order.</summary>
    public IEnumerable<GeneratedMessage> Messages()
    {
        var factory = new SaleFactory(_options, new PartyDirectory(Enterprises, _options.Seed));
        var stream = new MessageStream(_options);
        for (var i = 0; i < _options.Days; i++)
        {
            var day = _options.Start.AddDays(i);
            foreach (var sale in factory.Day(day))
            {
                foreach (var doc in DocumentScheduler.Plan(sale, _options.Seed))
                {
                    stream.Add(doc);
                }
            }
            foreach (var m in stream.Drain(day.AddDays(1).ToDateTime(TimeOnly.MinValue)))
            {
                yield return m;
            }
        }
        foreach (var m in stream.Drain(null))
        {
            yield return m;
        }
    }

    /// <summary>The sales (ground truth, including their defects), lazily, in order-time order; no XML is built.</summary>
    public IEnumerable<GeneratedSale> Sales()
    {
        var factory = new SaleFactory(_options, new PartyDirectory(Enterprises, _options.Seed));
        for (var i = 0; i < _options.Days; i++)
        {
            foreach (var sale in factory.Day(_options.Start.AddDays(i)))
            {
                yield return sale.ToGenerated();
            }
        }
    }
}
