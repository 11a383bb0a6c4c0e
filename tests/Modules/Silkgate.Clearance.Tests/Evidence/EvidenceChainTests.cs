using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Data;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Evidence;

/// <summary>One host per database for this class alone: the test breaks the chain on purpose.</summary>
public abstract class EvidenceChainTests(PlatformHost host)
{
    private readonly GatewayHarness _gateway = GatewayHarness.For(host);

    [Fact]
    public async Task The_chain_verifies_and_a_changed_byte_or_a_deleted_entry_is_found_by_the_service_and_the_cli()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        await PostAsync(client, Bytes(Order(sender.CustomsCode)));
        await PostAsync(client, System.Text.Encoding.UTF8.GetBytes("not xml at all"));
        await PostAsync(client, Bytes(Order(sender.CustomsCode)));
        var ledger = host.Services.GetRequiredService<IEvidenceLedger>();

        var intact = await ledger.VerifyAsync(CancellationToken.None);
        Assert.True(intact.IsIntact);
        Assert.Equal(3, intact.EntriesVerified);
        var (exit, output) = await Cli.RunAsync(host, "evidence", "verify");
        Assert.Equal(0, exit);
        Assert.Contains("3 entries verified", output, StringComparison.Ordinal);

        var database = host.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var raw = await connection.ExecuteScalarAsync<byte[]>("SELECT raw FROM clearance_messages WHERE seq = 2");
        var tampered = (byte[])raw!.Clone();
        tampered[3] ^= 0x01;
        await connection.ExecuteAsync("UPDATE clearance_messages SET raw = @tampered WHERE seq = 2", new { tampered });

        var broken = await ledger.VerifyAsync(CancellationToken.None);
        Assert.Equal(2, broken.BrokenSequence);
        Assert.Equal(1, broken.EntriesVerified);
        (exit, output) = await Cli.RunAsync(host, "evidence", "verify");
        Assert.Equal(1, exit);
        Assert.Contains("BROKEN at entry 2", output, StringComparison.Ordinal);

        await connection.ExecuteAsync("UPDATE clearance_messages SET raw = @raw WHERE seq = 2", new { raw });
        Assert.True((await ledger.VerifyAsync(CancellationToken.None)).IsIntact);

        await connection.ExecuteAsync("DELETE FROM clearance_receipts WHERE message_id = (SELECT id FROM clearance_messages WHERE seq = 2)");
        await connection.ExecuteAsync("DELETE FROM clearance_messages WHERE seq = 2");
        var gap = await ledger.VerifyAsync(CancellationToken.None);
        Assert.Equal(2, gap.BrokenSequence);
        Assert.Contains("missing", gap.Reason, StringComparison.Ordinal);
        (exit, _) = await Cli.RunAsync(host, "evidence", "verify");
        Assert.Equal(1, exit);
    }

    [Fact]
    public void The_chain_hash_covers_every_field_unambiguously()
    {
        var a = new Clearance.Evidence.EvidenceEntry(1, 2, 3, null, "Http", "A|B", "CEB311Message", null, 10, "Answered", "00");
        var b = a with { MessageGuid = "A", CopMsgId = "B" };
        Assert.NotEqual(Clearance.Evidence.EvidenceChain.Canonical(a), Clearance.Evidence.EvidenceChain.Canonical(b));
        Assert.NotEqual(
            Clearance.Evidence.EvidenceChain.Next(Clearance.Evidence.EvidenceChain.Genesis, a),
            Clearance.Evidence.EvidenceChain.Next(Clearance.Evidence.EvidenceChain.Genesis, a with { Outcome = "Failed" }));
    }
}

public sealed class EvidenceChainTestsOnSqlite(SqliteHost host) : EvidenceChainTests(host), IClassFixture<SqliteHost>;

public sealed class EvidenceChainTestsOnPostgres(PostgresHost host) : EvidenceChainTests(host), IClassFixture<PostgresHost>;
