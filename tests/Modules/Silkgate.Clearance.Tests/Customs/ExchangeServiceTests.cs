using Microsoft.Extensions.DependencyInjection;
using Silkgate.Clearance.Customs;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Data;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>
/// The sender and receiver as the server runs them (hosted services, default folders under the data directory),
/// with the test signer and recording sink standing in for the other helpers' implementations.
/// </summary>
public abstract class ExchangeServiceTests
{
    private readonly PlatformHost _host;
    private readonly TestSigner _signer = new();
    private readonly RecordingSink _sink = new();

    protected ExchangeServiceTests(PlatformHost host)
    {
        _host = host;
        host.TestServices.Add(s =>
        {
            s.AddSingleton<ICustomsSigner>(_signer);
            s.AddSingleton<ICustomsReceiptSink>(_sink);
        });
    }

    private string Root => Path.Combine(_host.DataDirectory, "customs-exchange");

    [Fact]
    public async Task The_running_server_sends_an_enqueued_message_and_applies_customs_answer()
    {
        var guid = Silkgate.Ceb.CebMessage.NewGuid();
        await _host.InScopeAsync(async sp =>
        {
            await using var connection = await sp.GetRequiredService<Database>().OpenAsync(default);
            await using var transaction = await connection.BeginTransactionAsync();
            await sp.GetRequiredService<ICustomsQueue>().EnqueueAsync(connection, transaction,
                new CustomsDispatch(1, 1, "CEB621Message", guid, "<x/>"u8.ToArray()), default);
            await transaction.CommitAsync();
            return 0;
        });

        var sent = Path.Combine(Root, "to-customs", $"CEB621Message_{guid}.xml");
        await Eventually(() => File.Exists(sent), "the envelope appears in to-customs");

        var (receipt, envelope) = CustomsRig.Receipt();
        var answer = Path.Combine(Root, "from-customs", $"CEB622Message_{receipt.Guid}.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(answer)!);
        await File.WriteAllBytesAsync(answer + ".tmp", envelope);
        File.Move(answer + ".tmp", answer);
        await Eventually(() => !File.Exists(answer), "the answer is taken from from-customs");

        Assert.Equal(receipt.Guid, Assert.Single(_sink.Applied).Guid);
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), what);
    }
}

public sealed class ExchangeServiceTestsOnSqlite(SqliteHost host) : ExchangeServiceTests(host), IClassFixture<SqliteHost>;

public sealed class ExchangeServiceTestsOnPostgres(PostgresHost host) : ExchangeServiceTests(host), IClassFixture<PostgresHost>;
