using Silkgate.Simulation;

namespace Silkgate.Cli.Bench;

/// <summary>One message of the benchmark: who sends it, its bytes, how many business documents it carries.</summary>
internal sealed record BenchMessage(string SenderCode, byte[] Bytes, int Documents);

/// <summary>
/// The benchmark's trade: enterprises from a fixed seed (registered once by <c>bench prepare</c>) and sales from a
/// run seed, so that every run sends new documents (new guids and order numbers) to the same senders.
/// </summary>
internal static class BenchWorkload
{
    public static IReadOnlyList<SimEnterprise> Enterprises(long seed, int sellers) => TradeGenerator.GenerateEnterprises(seed, sellers);

    /// <summary>Sales a run may generate before its numbers reach those of the next run slot.</summary>
    internal const int SalesPerRunSlot = 1_000_000;

    /// <summary>
    /// Where a run's sale serials start: one of 999 slots chosen by the trade seed, so that runs with different seeds sent
    /// to the same server do not repeat each other's order, waybill and list numbers (999 million fits the 9 digits of
    /// the generated order numbers).
    /// </summary>
    internal static int FirstSerial(long tradeSeed) => (int)(Math.Abs(tradeSeed % 999) * SalesPerRunSlot);

    /// <summary>
    /// Endless (for practical purposes) generated messages. With more than one entity per message the batch window is a
    /// day, so nearly every message is full: documents of one type from one sender, as an ERP system would send them.
    /// </summary>
    public static IEnumerable<BenchMessage> Messages(IReadOnlyList<SimEnterprise> enterprises, long tradeSeed, int entitiesPerMessage)
    {
        var generator = new TradeGenerator(new TradeGeneratorOptions
        {
            Seed = tradeSeed,
            Enterprises = enterprises,
            Days = 36_500,
            FirstSerial = FirstSerial(tradeSeed),
            SalesPerDay = entitiesPerMessage > 1 ? 40_000 : 4_000,
            Seasonality = false,
            AnnualGrowth = 0,
            EntitiesPerMessage = entitiesPerMessage,
            BatchWindow = entitiesPerMessage > 1 ? TimeSpan.FromDays(1) : TimeSpan.FromMinutes(5),
        });
        foreach (var m in generator.Messages())
        {
            yield return new BenchMessage(m.SenderCode, m.Bytes.ToArray(), m.OrderNos.Count);
        }
    }
}
