using Silkgate.Sandbox.Customs;

namespace Silkgate.Sandbox.Tests;

public sealed class NumberTests : IDisposable
{
    private readonly SandboxHarness _sandbox = new(o => o.CustomsDistrict = "2992");

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Import_list_numbers_are_district_year_I_and_a_nine_digit_serial_in_18_characters()
    {
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(20), 100m));
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(21), 100m));
        _sandbox.Run();

        var numbers = _sandbox.NewAnswers().Select(a => a.Field("invtNo")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["29922026I000000001", "29922026I000000002"], numbers);
    }

    [Fact]
    public void Export_list_numbers_carry_the_E_flag_and_fit_the_20_character_field()
    {
        _sandbox.Send(TestMessages.ExportList());
        _sandbox.Run();

        var invtNo = Assert.Single(_sandbox.NewAnswers()).Field("invtNo");
        Assert.Matches(@"^29922026E\d{9}$", invtNo);
        Assert.True(invtNo.Length <= 20);
    }

    [Fact]
    public void Pre_entry_numbers_are_B_the_china_date_and_a_serial()
    {
        _sandbox.Time.SetUtcNow(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero)); // already the 23rd in China
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(22), 100m));
        _sandbox.Run();

        Assert.Matches(@"^B20261123\d{9}$", Assert.Single(_sandbox.NewAnswers()).Field("preNo"));
    }

    [Fact]
    public void Receipt_times_are_17_digit_china_time()
    {
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(23), 100m));
        _sandbox.Run();

        Assert.Equal("20261122100000000", Assert.Single(_sandbox.NewAnswers()).Field("returnTime"));
    }

    [Fact]
    public void Summary_declaration_and_tax_numbers_have_their_documented_shapes()
    {
        var now = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal("29912026H000000007", CustomsNumbers.SumNo("2991", 2026, 7));
        Assert.Equal("Y20260304000000012", CustomsNumbers.DeclSeqNo(now, 12));
        Assert.Equal("299120261000000003", CustomsNumbers.EntryId("2991", 2026, 3));
        Assert.Equal("29912026I00000000101", CustomsNumbers.TaxNo("29912026I000000001", 1));
    }
}
