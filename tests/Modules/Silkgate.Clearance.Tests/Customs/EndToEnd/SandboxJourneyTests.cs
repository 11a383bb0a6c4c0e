using Silkgate.Ceb;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Customs.EndToEnd;

/// <summary>
/// Declared → released → closed through the customs sandbox for every customs mode, with the sandbox answering every
/// document and nothing sent twice.
/// </summary>
public abstract class SandboxJourneyTests(PlatformHost host)
{
    private readonly SandboxRig _rig = SandboxRig.For(host, new SandboxShares());

    public static TheoryData<CebDirection, string> Modes => new()
    {
        { CebDirection.Export, "9610" }, { CebDirection.Export, "1210" }, { CebDirection.Export, "9710" }, { CebDirection.Export, "9810" },
        { CebDirection.Import, "9610" }, { CebDirection.Import, "1210" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_matched_sale_goes_to_customs_signed_and_its_list_is_released_then_closed(CebDirection direction, string mode)
    {
        var (sender, system) = await _rig.NewEnterpriseAsync();
        using var _ = system;
        var sale = SandboxRig.NewSale(direction, mode);
        var kinds = sale.Kinds.Where(k => !(mode is "9710" or "9810" && k == CebDocumentKind.PaymentReceipt)).ToList();

        await SandboxRig.SendAsync(system, sender, kinds.Select(sale.Message).ToArray());

        var list = await _rig.DocumentIdAsync(sale, CebDocumentKind.DeclarationList);
        var closed = await _rig.WaitForAsync(list, "Closed");
        Assert.NotNull(closed.InvtNo);
        Assert.StartsWith("2991", closed.InvtNo, StringComparison.Ordinal);
        Assert.NotNull(closed.ReleasedAt);
        var receipts = await _rig.ReceiptsAsync(list);
        var statuses = receipts.Select(r => r.Status).ToList();
        Assert.True(statuses.IndexOf("800") >= 0 && statuses.IndexOf("800") < statuses.IndexOf("899"), string.Join(",", statuses));
        foreach (var kind in kinds.Where(k => k != CebDocumentKind.DeclarationList))
        {
            var id = await _rig.DocumentIdAsync(sale, kind);
            var status = await _rig.WaitForAsync(id, "Entered", "Examined", "Released", "Closed");
            Assert.Equal(1, await _rig.QueuedAsync(id));
            Assert.Equal(GatewayHarness.Zone, await _rig.QueuedZoneAsync(id));
            Assert.NotEmpty(await _rig.ReceiptsAsync(id));
            Assert.NotEqual("Rejected", status.Status);
        }

        Assert.Equal(1, await _rig.QueuedAsync(list));
        Assert.Equal(GatewayHarness.Zone, await _rig.QueuedZoneAsync(list));
        if (direction == CebDirection.Import)
        {
            var bill = Assert.Single(await _rig.TaxBillsAsync(closed.InvtNo));
            Assert.Equal(0, bill.CustomsTaxUnits);
            Assert.True(bill.ValueAddedTaxUnits > 0, "import VAT at 70 % of the statutory amount is due");
        }
    }
}

public sealed class SandboxJourneyTestsOnSqlite(SqliteHost host) : SandboxJourneyTests(host), IClassFixture<SqliteHost>;

public sealed class SandboxJourneyTestsOnPostgres(PostgresHost host) : SandboxJourneyTests(host), IClassFixture<PostgresHost>;
