using System.Security.Cryptography;
using System.Text;

namespace Silkgate.Simulation.Tests;

public sealed class DeterminismTests
{
    private static string Hash(IEnumerable<GeneratedMessage> messages)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var m in messages)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{m.SendAt:O}|{m.SenderCode}|{m.MessageType.Code}|"));
            sha.AppendData(m.Bytes.Span);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void The_same_seed_gives_the_same_bytes(int entities)
    {
        var options = Runs.Small(seed: 42, entities: entities, defects: DefectRates.All(0.05));
        Assert.Equal(Hash(new TradeGenerator(options).Messages()), Hash(new TradeGenerator(options).Messages()));
    }

    [Fact]
    public void A_different_seed_gives_different_bytes()
    {
        Assert.NotEqual(Hash(new TradeGenerator(Runs.Small(seed: 1)).Messages()), Hash(new TradeGenerator(Runs.Small(seed: 2)).Messages()));
    }

    [Fact]
    public void Runs_that_start_at_different_serials_never_repeat_a_document_number()
    {
        var enterprises = TradeGenerator.GenerateEnterprises(7);
        List<GeneratedSale> Sales(long seed, int firstSerial) =>
            new TradeGenerator(Runs.Small(seed) with { Enterprises = enterprises, FirstSerial = firstSerial }).Sales().ToList();

        // Numbers come from the serial and the order date, not the trade seed: two seeds for the same firms repeat them...
        var first = Sales(1, 0);
        var sameStart = Sales(2, 0);
        Assert.NotEmpty(first.Select(s => s.LogisticsNo).Intersect(sameStart.Select(s => s.LogisticsNo)));

        // ...two starting serials further apart than a run's sales never do, and each run stays deterministic.
        var apart = Sales(2, 1_000_000);
        Assert.Empty(first.Select(s => s.OrderNo).Intersect(apart.Select(s => s.OrderNo)));
        Assert.Empty(first.Select(s => s.LogisticsNo).Intersect(apart.Select(s => s.LogisticsNo)));
        Assert.Equal(apart.Select(s => s.OrderNo), Sales(2, 1_000_000).Select(s => s.OrderNo));
    }

    [Fact]
    public void Generated_enterprises_depend_only_on_the_seed()
    {
        Assert.Equal(TradeGenerator.GenerateEnterprises(5), TradeGenerator.GenerateEnterprises(5), new EnterpriseComparer());
        Assert.NotEqual(TradeGenerator.GenerateEnterprises(5).Select(e => e.Uscc), TradeGenerator.GenerateEnterprises(6).Select(e => e.Uscc));
    }

    [Fact]
    public void Sales_ground_truth_matches_the_order_numbers_in_the_messages()
    {
        var (sales, messages) = Runs.Clean.Value;
        var inMessages = messages.SelectMany(m => m.OrderNos).ToHashSet();
        Assert.Equal(sales.Select(s => s.OrderNo).ToHashSet(), inMessages);
        Assert.Equal(sales.Sum(s => s.Documents.Count), messages.Sum(m => m.OrderNos.Count));
    }

    [Fact]
    public void Message_guids_are_unique_upper_case_and_36_characters_without_defects()
    {
        var guids = Runs.Clean.Value.Messages.Select(m => m.MessageGuid).ToList();
        Assert.Equal(guids.Count, guids.Distinct().Count());
        Assert.All(guids, g => Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$", g));
    }

    private sealed class EnterpriseComparer : IEqualityComparer<SimEnterprise>
    {
        public bool Equals(SimEnterprise? x, SimEnterprise? y) =>
            x!.Code == y!.Code && x.NameZh == y.NameZh && x.Uscc == y.Uscc && x.Roles.SequenceEqual(y.Roles);

        public int GetHashCode(SimEnterprise obj) => obj.Code.GetHashCode(StringComparison.Ordinal);
    }
}
