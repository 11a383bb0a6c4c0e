using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data;
using Silkgate.Testing;

namespace Silkgate.Server.Tests.Demo;

/// <summary>
/// The demo is alive end to end: the first start seeds a small trade whose enterprises have deposited signing keys, the
/// server signs and sends the ready declarations, and the in-process customs sandbox (short delays) answers them.
/// </summary>
public abstract class DemoCustomsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly PlatformHost _host;

    protected DemoCustomsTests(PlatformHost host)
    {
        host.Settings["Platform:Mode"] = "Demo";
        host.Settings["Demo:Trade:Months"] = "1";
        host.Settings["Demo:Trade:SalesPerDay"] = "2";
        host.Settings["Demo:Trade:Sellers"] = "5";
        host.Settings["Customs:Sandbox:ExamineAfter"] = "00:00:00.2";
        host.Settings["Customs:Sandbox:ReleaseAfter"] = "00:00:00.4";
        host.Settings["Customs:Sandbox:CloseAfter"] = "00:00:00.6";
        host.Settings["Customs:Sandbox:HoldFor"] = "00:00:00.5";
        host.Settings["Customs:Sandbox:SummaryAfter"] = "00:00:00.5";
        host.Settings["Customs:Sandbox:PollInterval"] = "00:00:00.2";
        _host = host;
    }

    [Fact]
    public async Task Every_trading_demo_enterprise_gets_a_registered_certificate_and_a_deposited_key_sealed_with_the_demo_master_key()
    {
        using var client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        var senders = await CountAsync("SELECT COUNT(DISTINCT sender_enterprise_id) FROM clearance_messages");
        Assert.True(senders > 10);
        Assert.Equal(senders, await CountAsync(
            "SELECT COUNT(DISTINCT m.sender_enterprise_id) FROM clearance_messages m JOIN clearance_signing_keys k ON k.enterprise_id = m.sender_enterprise_id AND k.withdrawn_at IS NULL"));
        Assert.Equal(senders, await CountAsync(
            "SELECT COUNT(DISTINCT m.sender_enterprise_id) FROM clearance_messages m JOIN clearance_signing_certificates c ON c.enterprise_id = m.sender_enterprise_id AND c.revoked_at IS NULL"));
        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM clearance_signing_keys"), await CountAsync("SELECT COUNT(*) FROM clearance_signing_keys k JOIN clearance_signing_certificates c ON c.thumbprint = k.thumbprint"));

        // The documented demo key (docs/guide/operations.md): SHA-256 of a public text, named by the first 8 bytes of its own SHA-256.
        var demoKey = SHA256.HashData(Encoding.UTF8.GetBytes("silkgate-demo-master-key-v1 (not secret)"));
        var demoKeyId = Convert.ToHexStringLower(SHA256.HashData(demoKey).AsSpan(0, 8));
        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM clearance_signing_keys"), await CountAsync($"SELECT COUNT(*) FROM clearance_signing_keys WHERE master_key_id = '{demoKeyId}'"));
    }

    [Fact]
    public async Task Ready_sales_are_signed_sent_and_answered_by_the_sandbox_until_lists_are_released_or_closed()
    {
        using var client = _host.CreateClient();
        Assert.True(await CountAsync("SELECT COUNT(*) FROM clearance_customs_queue") > 20);

        var deadline = DateTime.UtcNow + Patience;
        while (await CountAsync("SELECT COUNT(*) FROM clearance_customs_queue WHERE state = 'Pending'") > 0
            || await CountAsync("SELECT COUNT(*) FROM clearance_documents WHERE message_type IN (603, 621) AND customs_status IN (2, 3, 120, 300, 399, 500)") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the demo's declarations were not all sent and answered in time: " + await StateAsync());
            await Task.Delay(500);
        }

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM clearance_customs_queue WHERE state = 'Failed'"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM clearance_customs_queue WHERE last_error IS NOT NULL"));
        var lists = await CountAsync("SELECT COUNT(*) FROM clearance_documents WHERE message_type IN (603, 621) AND customs_status IS NOT NULL");
        var cleared = await CountAsync("SELECT COUNT(*) FROM clearance_documents WHERE message_type IN (603, 621) AND customs_status IN (800, 899)");
        Assert.True(cleared > lists / 2, $"{cleared} of {lists} lists released or closed");
        Assert.True(await CountAsync("SELECT COUNT(*) FROM clearance_documents WHERE message_type = 621 AND customs_status IN (800, 899)") > 0);
        Assert.True(await CountAsync("SELECT COUNT(*) FROM clearance_tax_bills") > 0);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM clearance_document_receipts WHERE return_status IN ('-621028', '-621029', '-603028', '-603029')"));
        Assert.True(await CountAsync("SELECT COUNT(*) FROM identity_audit WHERE action = 'clearance.signing-key.use' AND outcome = 'Succeeded'") >= lists);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM identity_audit WHERE action = 'clearance.signing-key.use' AND outcome <> 'Succeeded'"));
    }

    private async Task<string> StateAsync() => string.Join(", ", await Task.WhenAll(
        CountAsync("SELECT COUNT(*) FROM clearance_customs_queue WHERE state = 'Pending'").ContinueWith(t => $"pending {t.Result}", TaskScheduler.Default),
        CountAsync("SELECT COUNT(*) FROM clearance_customs_queue WHERE state = 'Sent'").ContinueWith(t => $"sent {t.Result}", TaskScheduler.Default),
        CountAsync("SELECT COUNT(*) FROM clearance_customs_queue WHERE state = 'Failed'").ContinueWith(t => $"failed {t.Result}", TaskScheduler.Default),
        CountAsync("SELECT COUNT(*) FROM clearance_documents WHERE message_type IN (603, 621) AND customs_status IN (800, 899)").ContinueWith(t => $"lists released/closed {t.Result}", TaskScheduler.Default)));

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _host.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<long>(sql);
    }
}

public sealed class DemoCustomsTestsOnSqlite(SqliteHost host) : DemoCustomsTests(host), IClassFixture<SqliteHost>;

public sealed class DemoCustomsTestsOnPostgres(PostgresHost host) : DemoCustomsTests(host), IClassFixture<PostgresHost>;
