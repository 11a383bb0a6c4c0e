using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Data;
using Silkgate.Testing;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Tests.Customs.EndToEnd;

/// <summary>Customs rejects every list: the enterprise sees the rejection and the import buyer's amounts come back.</summary>
public abstract class SandboxRejectionTests(PlatformHost host)
{
    private readonly SandboxRig _rig = SandboxRig.For(host, new SandboxShares(Reject: 1));

    [Theory]
    [InlineData(CebDirection.Import)]
    [InlineData(CebDirection.Export)]
    public async Task A_list_customs_rejects_ends_rejected_and_an_import_buyer_gets_the_amount_back(CebDirection direction)
    {
        var (sender, system) = await _rig.NewEnterpriseAsync();
        using var _ = system;
        var sale = SandboxRig.NewSale(direction, "9610");

        await SandboxRig.SendAsync(system, sender, sale.Kinds.Select(sale.Message).ToArray());

        var list = await _rig.DocumentIdAsync(sale, CebDocumentKind.DeclarationList);
        var rejected = await _rig.WaitForAsync(list, "Rejected");
        Assert.Equal(100, rejected.CustomsCode);
        Assert.Contains(await _rig.ReceiptsAsync(list), r => r.Status == "100");
        if (direction == CebDirection.Import)
        {
            Assert.Equal(0, await LedgerUnitsAsync(host, list));
        }
    }

    internal static async Task<long> LedgerUnitsAsync(PlatformHost host, long listId)
    {
        await using var connection = await host.Services.GetRequiredService<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(amount_units), 0) FROM clearance_buyer_ledger_entries WHERE list_document_id = @listId AND reversed_at IS NULL", new { listId });
    }
}

/// <summary>Customs inspects every list (exports, which have no inspection status, go to manual review) and then releases it.</summary>
public abstract class SandboxHoldTests(PlatformHost host)
{
    private readonly SandboxRig _rig = SandboxRig.For(host, new SandboxShares(Inspection: 1));

    [Theory]
    [InlineData(CebDirection.Import, "500")]
    [InlineData(CebDirection.Export, "300")]
    public async Task A_held_list_passes_through_its_hold_and_is_released(CebDirection direction, string hold)
    {
        var (sender, system) = await _rig.NewEnterpriseAsync();
        using var _ = system;
        var sale = SandboxRig.NewSale(direction, "9610");

        await SandboxRig.SendAsync(system, sender, sale.Kinds.Select(sale.Message).ToArray());

        var list = await _rig.DocumentIdAsync(sale, CebDocumentKind.DeclarationList);
        await _rig.WaitForAsync(list, "Closed");
        var statuses = (await _rig.ReceiptsAsync(list)).Select(r => r.Status).ToList();
        Assert.Contains(hold, statuses);
        Assert.True(statuses.IndexOf(hold) < statuses.IndexOf("800"), string.Join(",", statuses));
    }
}

/// <summary>Lists stay released (no close for an hour), so they can be cancelled or returned through customs.</summary>
public abstract class SandboxCancelAndReturnTests(PlatformHost host)
{
    private readonly SandboxRig _rig = SandboxRig.For(host, new SandboxShares(KeepReleased: true));

    [Fact]
    public async Task A_released_import_list_cancelled_through_customs_ends_cancelled_with_the_buyer_amount_restored()
    {
        var (sender, system, sale, _, list, released) = await ReleasedImportAsync();
        using var client = system;
        Assert.True(await SandboxRejectionTests.LedgerUnitsAsync(host, list) > 0);

        await SandboxRig.SendAsync(system, sender, CustomsMessages.ImportCancel(sale, released.InvtNo!, Now()));

        await _rig.WaitForAsync(list, "Cancelled");
        Assert.Equal(0, await SandboxRejectionTests.LedgerUnitsAsync(host, list));
    }

    [Fact]
    public async Task A_released_import_list_returned_in_full_through_customs_ends_returned_with_the_buyer_amount_restored()
    {
        var (sender, system, sale, declared, list, released) = await ReleasedImportAsync();
        using var client = system;
        var lines = declared.Inventory[0].InventoryList.Select(l => (l.Gnum!.Value, l.Qty!.Value)).ToList();

        await SandboxRig.SendAsync(system, sender, CustomsMessages.ImportReturn(sale, released.InvtNo!, lines, Now()));

        await _rig.WaitForAsync(list, "GoodsReturned");
        Assert.Equal(0, await SandboxRejectionTests.LedgerUnitsAsync(host, list));
    }

    private async Task<(Sender, HttpClient, Sale, Im.Ceb621Message, long, DocumentCustomsStatus)> ReleasedImportAsync()
    {
        var (sender, system) = await _rig.NewEnterpriseAsync();
        var sale = SandboxRig.NewSale(CebDirection.Import, "9610");
        var declared = sale.ImportList();
        await SandboxRig.SendAsync(system, sender, sale.ImportOrder(), sale.ImportPayment(), sale.ImportWaybill(), declared);
        var list = await _rig.DocumentIdAsync(sale, CebDocumentKind.DeclarationList);
        var released = await _rig.WaitForAsync(list, "Released");
        Assert.NotNull(released.InvtNo);
        return (sender, system, sale, declared, list, released);
    }

    private static string Now() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SandboxRejectionTestsOnSqlite(SqliteHost host) : SandboxRejectionTests(host), IClassFixture<SqliteHost>;

public sealed class SandboxRejectionTestsOnPostgres(PostgresHost host) : SandboxRejectionTests(host), IClassFixture<PostgresHost>;

public sealed class SandboxHoldTestsOnSqlite(SqliteHost host) : SandboxHoldTests(host), IClassFixture<SqliteHost>;

public sealed class SandboxHoldTestsOnPostgres(PostgresHost host) : SandboxHoldTests(host), IClassFixture<PostgresHost>;

public sealed class SandboxCancelAndReturnTestsOnSqlite(SqliteHost host) : SandboxCancelAndReturnTests(host), IClassFixture<SqliteHost>;

public sealed class SandboxCancelAndReturnTestsOnPostgres(PostgresHost host) : SandboxCancelAndReturnTests(host), IClassFixture<PostgresHost>;
