using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Matching;

/// <summary>Documents arrive in any order; every order ends with one matched sale (ready, since all are declared).</summary>
public abstract class ArrivalOrderTests(ClearanceDb db)
{
    public static TheoryData<CebDirection, string> Modes => new()
    {
        { CebDirection.Import, "9610" }, { CebDirection.Import, "1210" },
        { CebDirection.Export, "9610" }, { CebDirection.Export, "1210" }, { CebDirection.Export, "9710" }, { CebDirection.Export, "9810" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Every_arrival_order_of_the_four_documents_ends_matched(CebDirection direction, string mode)
    {
        var orders = Sale.Permutations(new Sale(direction, mode).Kinds).ToList();
        Assert.Equal(24, orders.Count);
        foreach (var order in orders)
        {
            var sale = new Sale(direction, mode);
            var events = new List<(string Type, object Payload)>();
            for (int i = 0; i < order.Length; i++)
            {
                var result = await db.SendAsync(sale.Message(order[i]));
                Assert.Equal(2, result.Single.ReturnStatus);
                events.AddRange(result.Events);
                var state = await db.StateAsync(sale);
                bool b2bComplete = mode is "9710" or "9810" && order.Take(i + 1).Count(k => k != CebDocumentKind.PaymentReceipt) == 3;
                // A waybill alone has no sale yet: it joins the sale whose list names it.
                var expected = i == 3 || b2bComplete ? "Ready" : i == 0 && order[0] == CebDocumentKind.Waybill ? "None" : "Waiting";
                Assert.Equal(expected, state);
            }

            var summary = await db.SaleAsync(sale);
            Assert.Equal(0, summary.MismatchCount);
            Assert.Equal(mode, summary.Mode);
            var matched = Assert.Single(events, e => e.Type == ClearanceEvents.SaleMatched);
            Assert.Equal(new SaleMatched(summary.Id, Sale.EbpCode, sale.OrderNo, mode, direction == CebDirection.Import ? "I" : "E"), matched.Payload);
            Assert.Single(events, e => e.Type == ClearanceEvents.ListDeclared);
        }
    }

    [Theory]
    [InlineData("9710")]
    [InlineData("9810")]
    public async Task Business_to_business_exports_match_order_waybill_and_list_without_a_receipt(string mode)
    {
        CebDocumentKind[] kinds = [CebDocumentKind.Order, CebDocumentKind.Waybill, CebDocumentKind.DeclarationList];
        foreach (var order in Sale.Permutations(kinds))
        {
            var sale = new Sale(CebDirection.Export, mode);
            foreach (var kind in order)
            {
                await db.SendAsync(sale.Message(kind));
            }

            var summary = await db.SaleAsync(sale);
            Assert.Equal("Ready", summary.State);
            Assert.Equal("", summary.Missing);
        }
    }

    [Theory]
    [InlineData(CebDirection.Import)]
    [InlineData(CebDirection.Export)]
    public async Task A_list_that_starts_its_sale_counts_the_waybill_that_came_before_it(CebDirection direction)
    {
        var sale = new Sale(direction, "9610");
        await db.SendAsync(sale.Message(CebDocumentKind.Waybill));

        var list = await db.SendAsync(sale.Message(CebDocumentKind.DeclarationList));

        var summary = await db.SaleAsync(sale);
        Assert.Equal("Waiting", summary.State);
        Assert.DoesNotContain("Waybill", summary.Missing, StringComparison.Ordinal);
        Assert.DoesNotContain("运单", list.Single.ReturnInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiting_sale_names_the_documents_it_still_needs()
    {
        var sale = new Sale(CebDirection.Import, "9610");
        var result = await db.SendAsync(sale.ImportOrder());

        var summary = await db.SaleAsync(sale);
        Assert.Equal("Waiting", summary.State);
        Assert.Equal("Payment,Waybill,DeclarationList", summary.Missing);
        Assert.Contains("支付单、运单、清单", result.Single.ReturnInfo, StringComparison.Ordinal);
        Assert.Contains("payment, waybill, list", result.Single.ReturnInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_documents_that_agree_make_a_matched_sale_that_is_not_yet_ready()
    {
        var sale = new Sale(CebDirection.Export, "9610") { AppStatus = "1" };
        foreach (var kind in sale.Kinds)
        {
            Assert.Equal(1, (await db.SendAsync(sale.Message(kind))).Single.ReturnStatus);
        }

        Assert.Equal("Matched", (await db.SaleAsync(sale)).State);
    }
}

public sealed class ArrivalOrderTestsOnSqlite(SqliteClearanceDb db) : ArrivalOrderTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class ArrivalOrderTestsOnPostgres(PostgresClearanceDb db) : ArrivalOrderTests(db), IClassFixture<PostgresClearanceDb>;
