namespace Silkgate.Sandbox.Tests;

public sealed class CancelAndReturnTests : IDisposable
{
    private readonly SandboxHarness _sandbox = new(o =>
    {
        o.ExamineAfter = TimeSpan.FromSeconds(10);
        o.ReleaseAfter = TimeSpan.FromSeconds(10);
        o.CloseAfter = TimeSpan.FromMinutes(10);
    });

    public void Dispose() => _sandbox.Dispose();

    private string DeclareImport(string buyer, decimal value)
    {
        _sandbox.Send(TestMessages.ImportList(buyer, value));
        _sandbox.Run();
        return Assert.Single(_sandbox.NewAnswers()).Field("invtNo");
    }

    [Fact]
    public void A_cancellation_before_close_is_approved_stops_the_list_voids_its_tax_bill_and_restores_the_ledger()
    {
        var buyer = TestMessages.BuyerId(60);
        var invtNo = DeclareImport(buyer, 5000m);
        _sandbox.Advance(TimeSpan.FromSeconds(10));
        _sandbox.NewAnswers();

        _sandbox.Send(TestMessages.ImportCancel(invtNo));
        _sandbox.Run();
        var answers = _sandbox.NewAnswers();
        var receipt = Assert.Single(answers.OfType(624));
        Assert.Equal("399", receipt.Status());
        Assert.Equal(invtNo, receipt.Field("invtNo"));
        Assert.Equal("3", Assert.Single(answers.OfType(818)).Field("status"));
        Assert.Empty(XsdOracle.Validate(receipt.Payload, Ceb.CebDirection.Import));

        _sandbox.Advance(TimeSpan.FromMinutes(20), steps: 10);
        Assert.Empty(_sandbox.NewAnswers());
        for (int i = 0; i < 5; i++)
        {
            _sandbox.Send(TestMessages.ImportList(buyer, 5000m));
        }
        _sandbox.Run();
        Assert.All(_sandbox.NewAnswers(), a => Assert.Equal("120", a.Status()));
    }

    [Fact]
    public void A_cancellation_after_close_is_refused_with_minus_623005()
    {
        _sandbox.Send(TestMessages.ExportList());
        _sandbox.Run();
        var invtNo = Assert.Single(_sandbox.NewAnswers()).Field("invtNo");
        _sandbox.Advance(TimeSpan.FromMinutes(11), steps: 11);
        Assert.Contains(_sandbox.NewAnswers(), a => a.Status() == "899");

        _sandbox.Send(TestMessages.ExportCancel(invtNo));
        _sandbox.Run();

        var receipt = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(606, receipt.Type.Code);
        Assert.Equal("-623005", receipt.Status());
    }

    [Fact]
    public void A_cancellation_of_an_unknown_list_is_refused_with_minus_623003()
    {
        _sandbox.Send(TestMessages.ImportCancel("29912026I999999999"));
        _sandbox.Run();

        Assert.Equal("-623003", Assert.Single(_sandbox.NewAnswers()).Status());
    }

    [Fact]
    public void An_import_return_within_the_window_is_approved_and_gives_the_returned_value_back()
    {
        var buyer = TestMessages.BuyerId(61);
        _sandbox.Send(TestMessages.ImportList(buyer, ("6109100021", 4m, 1250m)));
        _sandbox.Run();
        var invtNo = Assert.Single(_sandbox.NewAnswers()).Field("invtNo");
        _sandbox.Advance(TimeSpan.FromSeconds(20), steps: 2);
        Assert.Contains(_sandbox.NewAnswers(), a => a.Status() == "800");
        for (int i = 0; i < 4; i++)
        {
            _sandbox.Send(TestMessages.ImportList(buyer, 5000m));
        }
        _sandbox.Send(TestMessages.ImportList(buyer, 1000m)); // the year is now full: 26,000
        _sandbox.Run();
        Assert.All(_sandbox.NewAnswers(), a => Assert.Equal("120", a.Status()));

        _sandbox.Send(TestMessages.ImportReturn(invtNo, (1, 1m)));
        _sandbox.Run();
        var receipt = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(626, receipt.Type.Code);
        Assert.Equal("399", receipt.Status());
        Assert.Empty(XsdOracle.Validate(receipt.Payload, Ceb.CebDirection.Import));

        _sandbox.Send(TestMessages.ImportList(buyer, 1250m));
        _sandbox.Run();
        Assert.Equal("120", Assert.Single(_sandbox.NewAnswers()).Status());
        _sandbox.Send(TestMessages.ImportList(buyer, 1m));
        _sandbox.Run();
        Assert.Equal("-621018", Assert.Single(_sandbox.NewAnswers()).Status());
    }

    [Fact]
    public void A_return_after_the_window_is_refused_with_100()
    {
        var invtNo = DeclareImport(TestMessages.BuyerId(62), 100m);
        _sandbox.Advance(TimeSpan.FromSeconds(20), steps: 2);
        _sandbox.Time.Advance(TimeSpan.FromDays(31));
        _sandbox.NewAnswers();

        _sandbox.Send(TestMessages.ImportReturn(invtNo, (1, 1m)));
        _sandbox.Run();

        var receipt = _sandbox.NewAnswers().OfType(626).Single();
        Assert.Equal("100", receipt.Status());
        Assert.Contains("30", receipt.Field("returnInfo"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_return_of_a_list_not_yet_released_is_refused()
    {
        var invtNo = DeclareImport(TestMessages.BuyerId(63), 100m);

        _sandbox.Send(TestMessages.ImportReturn(invtNo, (1, 1m)));
        _sandbox.Run();

        Assert.Equal("100", Assert.Single(_sandbox.NewAnswers()).Status());
    }

    [Fact]
    public void A_return_of_more_than_was_declared_is_refused_with_minus_625001()
    {
        var invtNo = DeclareImport(TestMessages.BuyerId(64), 100m);
        _sandbox.Advance(TimeSpan.FromSeconds(20), steps: 2);
        _sandbox.NewAnswers();

        _sandbox.Send(TestMessages.ImportReturn(invtNo, (1, 2m)));
        _sandbox.Run();

        Assert.Equal("-625001", Assert.Single(_sandbox.NewAnswers().OfType(626)).Status());
    }

    [Fact]
    public void An_export_return_of_a_released_list_is_released_and_the_list_leaves_the_summary()
    {
        _sandbox.Send(TestMessages.ExportList());
        _sandbox.Run();
        var invtNo = Assert.Single(_sandbox.NewAnswers()).Field("invtNo");
        _sandbox.Advance(TimeSpan.FromSeconds(20), steps: 2);
        _sandbox.NewAnswers();

        _sandbox.Send(TestMessages.ExportReturn(invtNo, (1, 2m)));
        _sandbox.Run();
        var receipt = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(214, receipt.Type.Code);
        Assert.Equal("800", receipt.Status());
        Assert.Empty(XsdOracle.Validate(receipt.Payload, Ceb.CebDirection.Export));

        _sandbox.Send(TestMessages.SummaryApplication([invtNo]));
        _sandbox.Run();
        Assert.Equal("100", Assert.Single(_sandbox.NewAnswers()).Status());
    }
}
