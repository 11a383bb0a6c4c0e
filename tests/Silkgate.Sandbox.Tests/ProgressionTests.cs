using Silkgate.Ceb.Import;
using Silkgate.Sandbox.Customs;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Tests;

public sealed class ProgressionTests
{
    private static SandboxHarness Sandbox(Action<SandboxOptions>? plan = null) => new(o =>
    {
        o.ExamineAfter = TimeSpan.FromSeconds(10);
        o.ReleaseAfter = TimeSpan.FromSeconds(20);
        o.CloseAfter = TimeSpan.FromSeconds(60);
        o.HoldFor = TimeSpan.FromSeconds(30);
        plan?.Invoke(o);
    });

    [Fact]
    public void An_import_list_moves_entered_examined_released_closed_only_as_the_delays_pass()
    {
        using var sandbox = Sandbox();
        sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(50), 100m));
        sandbox.Run();
        Assert.Equal(["120"], sandbox.NewAnswers().Select(a => a.Status()));

        sandbox.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(sandbox.NewAnswers());
        sandbox.Advance(TimeSpan.FromSeconds(1));
        var examined = sandbox.NewAnswers();
        Assert.Equal("399", Assert.Single(examined.OfType(622)).Status());
        Assert.Single(examined.OfType(816));

        sandbox.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("800", Assert.Single(sandbox.NewAnswers()).Status());
        sandbox.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(sandbox.NewAnswers());
        sandbox.Advance(TimeSpan.FromSeconds(1));
        var closed = sandbox.NewAnswers();
        Assert.Equal("899", Assert.Single(closed.OfType(622)).Status());
        var status = (Ceb818Message)Assert.Single(closed.OfType(818)).Message;
        Assert.Equal("2", status.Tax[0].TaxHeadStatus.Status);
        Assert.All(closed, a => Assert.Empty(XsdOracle.Validate(a.Payload, Ceb.CebDirection.Import)));
    }

    [Fact]
    public void An_export_list_moves_through_the_same_statuses_without_a_tax_bill()
    {
        using var sandbox = Sandbox();
        sandbox.Send(TestMessages.ExportList());
        sandbox.Run();
        sandbox.Advance(TimeSpan.FromSeconds(100), steps: 20);

        var answers = sandbox.NewAnswers();
        Assert.Equal(["120", "399", "800", "899"], answers.Select(a => a.Status()));
        Assert.All(answers, a => Assert.Equal(604, a.Type.Code));
        Assert.All(answers, a => Assert.Empty(XsdOracle.Validate(a.Payload, Ceb.CebDirection.Export)));
    }

    [Fact]
    public void A_rejected_list_stops_at_100()
    {
        using var sandbox = Sandbox(o => o.RejectShare = 1);
        sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(51), 100m));
        sandbox.Run();
        sandbox.Advance(TimeSpan.FromMinutes(5), steps: 10);

        Assert.Equal(["120", "100"], sandbox.NewAnswers().Select(a => a.Status()));
    }

    [Fact]
    public void A_list_held_for_manual_review_is_examined_after_the_hold_then_released()
    {
        using var sandbox = Sandbox(o => o.ManualReviewShare = 1);
        sandbox.Send(TestMessages.ExportList());
        sandbox.Run();
        sandbox.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["120", "300"], sandbox.NewAnswers().Select(a => a.Status()));
        sandbox.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(sandbox.NewAnswers());
        sandbox.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(["399"], sandbox.NewAnswers().Select(a => a.Status()));
        sandbox.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(["800"], sandbox.NewAnswers().Select(a => a.Status()));
    }

    [Fact]
    public void An_inspected_import_list_passes_500_between_examination_and_release()
    {
        using var sandbox = Sandbox(o => o.InspectionShare = 1);
        sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(52), 100m));
        sandbox.Run();
        sandbox.Advance(TimeSpan.FromSeconds(200), steps: 40);

        Assert.Equal(["120", "399", "500", "800", "899"], sandbox.NewAnswers().OfType(622).Select(a => a.Status()));
    }

    [Fact]
    public void The_same_seed_chooses_the_same_paths_and_another_seed_other_ones()
    {
        var options = new SandboxOptions { RejectShare = 0.1, ManualReviewShare = 0.1, InspectionShare = 0.1 };
        var guids = Enumerable.Range(0, 200).Select(i => $"{i:D8}-0000-4000-8000-000000000000").ToList();

        var first = guids.Select(g => ListPlans.Choose(options, g, import: true)).ToList();
        var again = guids.Select(g => ListPlans.Choose(options, g, import: true)).ToList();
        options.Seed++;
        var other = guids.Select(g => ListPlans.Choose(options, g, import: true)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Over_many_lists_the_shares_come_close_to_the_configured_ones()
    {
        var options = new SandboxOptions { RejectShare = 0.05, ManualReviewShare = 0.10, InspectionShare = 0.15 };
        const int n = 20_000;
        var plans = Enumerable.Range(0, n).Select(_ => ListPlans.Choose(options, Guid.NewGuid().ToString("D"), import: true)).ToList();

        Assert.InRange(plans.Count(p => p == ListPlan.Reject) / (double)n, 0.04, 0.06);
        Assert.InRange(plans.Count(p => p == ListPlan.ManualReview) / (double)n, 0.09, 0.11);
        Assert.InRange(plans.Count(p => p == ListPlan.Inspection) / (double)n, 0.14, 0.16);
    }

    [Fact]
    public void Export_lists_take_manual_review_where_import_lists_would_be_inspected()
    {
        var options = new SandboxOptions { RejectShare = 0, ManualReviewShare = 0, InspectionShare = 1 };

        Assert.Equal(ListPlan.ManualReview, ListPlans.Choose(options, Guid.NewGuid().ToString("D"), import: false));
    }
}
