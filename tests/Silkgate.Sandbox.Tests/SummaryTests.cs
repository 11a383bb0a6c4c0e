using Silkgate.Ceb;
using Export = Silkgate.Ceb.Export;

namespace Silkgate.Sandbox.Tests;

public sealed class SummaryTests : IDisposable
{
    private readonly SandboxHarness _sandbox = new(o =>
    {
        o.ExamineAfter = TimeSpan.FromSeconds(1);
        o.ReleaseAfter = TimeSpan.FromSeconds(1);
        o.CloseAfter = TimeSpan.FromSeconds(1);
        o.SummaryAfter = TimeSpan.FromSeconds(5);
    });

    public void Dispose() => _sandbox.Dispose();

    private List<string> ReleasedExportLists(params Export.Ceb603Message[] lists)
    {
        foreach (var list in lists)
        {
            _sandbox.Send(list);
        }
        _sandbox.Run();
        // Answers come back in no particular order: match each list's number by its copNo.
        var answers = _sandbox.NewAnswers().ToList();
        var numbers = lists.Select(l => answers.Single(a => a.Field("copNo") == l.Inventory[0].InventoryHead.CopNo).Field("invtNo")).ToList();
        _sandbox.Advance(TimeSpan.FromSeconds(3), steps: 3);
        Assert.Equal(lists.Length, _sandbox.NewAnswers().Count(a => a.Status() == "899"));
        return numbers;
    }

    [Fact]
    public void A_summary_application_gets_702_then_792_with_one_declaration_per_grouping_key()
    {
        var numbers = ReleasedExportLists(
            TestMessages.ExportList("B", ("6109100021", 2m, 12.5m), ("6204420090", 1m, 30m)),
            TestMessages.ExportList("B", ("6109100021", 4m, 12.5m)));

        _sandbox.Send(TestMessages.SummaryApplication(numbers));
        _sandbox.Run();
        var receipt = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(702, receipt.Type.Code);
        Assert.Equal("399", receipt.Status());
        Assert.Matches(@"^29912026H\d{9}$", receipt.Field("sumNo"));
        Assert.Empty(XsdOracle.Validate(receipt.Payload, CebDirection.Export));

        _sandbox.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(_sandbox.NewAnswers());
        _sandbox.Advance(TimeSpan.FromSeconds(1));
        var result = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(792, result.Type.Code);
        Assert.Empty(XsdOracle.Validate(result.Payload, CebDirection.Export));
        var declarations = ((Export.Ceb792Message)result.Message).SummaryResult;
        Assert.Equal(2, declarations.Count);
        var shirts = declarations.Single(d => d.SummaryResultList[0].Gcode == "6109100021");
        Assert.Equal(receipt.Field("sumNo"), shirts.SummaryResultHead.SumNo);
        Assert.Matches(@"^29912026" + "1" + @"\d{9}$", shirts.SummaryResultHead.EntryId);
        Assert.Equal(new[] { (numbers[0], 1, 1), (numbers[1], 1, 1) }.Order(), shirts.SummaryResultList.Select(l => (l.InvtNo!, l.Gnum ?? 0, l.Gseqno ?? 0)).Order());
        var dresses = declarations.Single(d => d.SummaryResultList[0].Gcode == "6204420090");
        Assert.Equal((numbers[0], 2), (dresses.SummaryResultList.Single().InvtNo, dresses.SummaryResultList.Single().Gnum));
        Assert.NotEqual(shirts.SummaryResultHead.DeclSeqNo, dresses.SummaryResultHead.DeclSeqNo);
    }

    [Fact]
    public void Without_the_HS_code_in_the_key_one_declaration_numbers_its_items_by_HS_code()
    {
        _sandbox.Options.SummaryKey = ["ebcCode", "trafMode", "country", "portCode", "currency", "unit"];
        var numbers = ReleasedExportLists(TestMessages.ExportList("B", ("6109100021", 2m, 12.5m), ("6204420090", 1m, 30m), ("6109100021", 1m, 12.5m)));

        _sandbox.Send(TestMessages.SummaryApplication(numbers));
        _sandbox.Run();
        _sandbox.Advance(TimeSpan.FromSeconds(5));

        var result = (Export.Ceb792Message)_sandbox.NewAnswers().OfType(792).Single().Message;
        var declaration = Assert.Single(result.SummaryResult);
        Assert.Equal([(1, 1), (2, 2), (3, 1)], declaration.SummaryResultList.Select(l => (l.Gnum ?? 0, l.Gseqno ?? 0)));
    }

    [Fact]
    public void A_window_application_takes_the_lists_released_in_it_and_ignores_its_list()
    {
        var numbers = ReleasedExportLists(TestMessages.ExportList("B"), TestMessages.ExportList("B"));

        // The clock stands at 2026-11-22 10:00:0x China time.
        _sandbox.Send(TestMessages.SummaryApplication(["29912026E999999999"], "20261122000000", "20261122235959"));
        _sandbox.Run();
        _sandbox.Advance(TimeSpan.FromSeconds(5));

        var answers = _sandbox.NewAnswers();
        Assert.Equal("399", answers.OfType(702).Single().Status());
        var result = (Export.Ceb792Message)answers.OfType(792).Single().Message;
        Assert.Equal(numbers.Order(), result.SummaryResult.SelectMany(d => d.SummaryResultList).Select(l => l.InvtNo!).Order());
    }

    [Fact]
    public void Simplified_lists_and_lists_already_summarised_are_not_summarised_again()
    {
        var simplified = ReleasedExportLists(TestMessages.ExportList("A"));
        var summary = ReleasedExportLists(TestMessages.ExportList("B"));
        _sandbox.Send(TestMessages.SummaryApplication(summary));
        _sandbox.Run();
        Assert.Equal("399", Assert.Single(_sandbox.NewAnswers()).Status());

        _sandbox.Send(TestMessages.SummaryApplication(summary));
        _sandbox.Send(TestMessages.SummaryApplication(simplified));
        _sandbox.Run();

        Assert.All(_sandbox.NewAnswers().OfType(702), a => Assert.Equal("100", a.Status()));
    }
}
