namespace Silkgate.Sandbox.Tests;

public sealed class ImportLimitTests : IDisposable
{
    private readonly SandboxHarness _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_list_over_the_single_limit_is_refused_with_minus_621005_and_the_amounts()
    {
        var list = TestMessages.ImportList(TestMessages.BuyerId(30), ("6109100021", 2m, 2500m));
        list.Inventory[0].InventoryHead.Freight = 20m;

        _sandbox.Send(list);
        _sandbox.Run();

        var answer = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal("-621005", answer.Status());
        Assert.Contains("[5020.00]", answer.Field("returnInfo"), StringComparison.Ordinal);
        Assert.Contains("[5000.00]", answer.Field("returnInfo"), StringComparison.Ordinal);
        Assert.Equal("", answer.Field("invtNo"));
    }

    [Fact]
    public void A_list_at_exactly_the_single_limit_is_entered()
    {
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(31), 5000m));
        _sandbox.Run();

        Assert.Equal("120", Assert.Single(_sandbox.NewAnswers()).Status());
    }

    [Fact]
    public void The_list_that_would_pass_the_annual_limit_is_refused_with_minus_621018_naming_the_used_amount()
    {
        var buyer = TestMessages.BuyerId(32);
        for (int i = 0; i < 5; i++)
        {
            _sandbox.Send(TestMessages.ImportList(buyer, 4500m));
            _sandbox.Run();
        }
        _sandbox.Send(TestMessages.ImportList(buyer, 4500m));
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(33), 4500m));
        _sandbox.Run();

        var answers = _sandbox.NewAnswers();
        Assert.Equal(6, answers.Count(a => a.Status() == "120"));
        var refused = Assert.Single(answers, a => a.Status() == "-621018");
        Assert.Contains($"购买人[{buyer}]已用购买额度为[22500.00]", refused.Field("returnInfo"), StringComparison.Ordinal);
        Assert.Contains("年度限额[26000.00]", refused.Field("returnInfo"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_list_gives_the_buyer_its_annual_amount_back()
    {
        var buyer = TestMessages.BuyerId(34);
        using var sandbox = new SandboxHarness(o => o.RejectShare = 1.0);
        for (int i = 0; i < 5; i++)
        {
            sandbox.Send(TestMessages.ImportList(buyer, 4500m));
        }
        sandbox.Run();
        sandbox.Advance(sandbox.Options.ExamineAfter);
        sandbox.Send(TestMessages.ImportList(buyer, 4500m));
        sandbox.Run();

        var answers = sandbox.NewAnswers();
        Assert.Equal(5, answers.Count(a => a.Status() == "100"));
        Assert.Equal(6, answers.Count(a => a.Status() == "120"));
    }

    [Fact]
    public void The_annual_limit_counts_per_calendar_year()
    {
        var buyer = TestMessages.BuyerId(35);
        _sandbox.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 10, 0, 0, TimeSpan.Zero));
        for (int i = 0; i < 5; i++)
        {
            _sandbox.Send(TestMessages.ImportList(buyer, 5000m));
        }
        _sandbox.Run();
        _sandbox.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)); // 2027-01-01 in China
        _sandbox.Send(TestMessages.ImportList(buyer, 5000m));
        _sandbox.Run();

        var statuses = _sandbox.NewAnswers().OfType(622).Select(a => a.Status()).ToList();
        Assert.Equal(6, statuses.Count(s => s == "120"));
        Assert.DoesNotContain("-621018", statuses);
    }
}
