using Microsoft.Extensions.DependencyInjection;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.FileExchange;

public abstract class FileExchangeTests(PlatformHost host)
{
    private readonly GatewayHarness _gateway = GatewayHarness.For(host);

    private static async Task<bool> EventuallyAsync(Func<bool> condition, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition();
    }

    [Fact]
    public async Task A_file_renamed_into_in_is_answered_in_out_and_moved_to_processed_while_a_tmp_file_is_left_alone()
    {
        var (sender, _) = await _gateway.NewSenderAsync();
        _ = host.Services; // start the server and its background services
        var folder = await host.Services.GetRequiredService<IExchangeFolders>().InitializeAsync(sender.CustomsCode, CancellationToken.None);
        Assert.NotNull(folder);
        var inbox = Path.Combine(folder, "in");
        var message = Order(sender.CustomsCode, entities: 2);

        var partial = Path.Combine(inbox, "half-written.tmp");
        await File.WriteAllBytesAsync(partial, Bytes(message)[..200]);
        var temp = Path.Combine(inbox, "order-1.tmp");
        await File.WriteAllBytesAsync(temp, Bytes(message));
        File.Move(temp, Path.Combine(inbox, "order-1.xml"));

        var receiptPath = Path.Combine(folder, "out", "order-1.xml.receipt.xml");
        Assert.True(await EventuallyAsync(() => File.Exists(receiptPath)), "the receipt did not appear in out/");
        var receipt = Parse(await File.ReadAllTextAsync(receiptPath));
        Assert.Equal("CEB312Message", receipt.Root!.Name.LocalName);
        Assert.Equal(2, Statuses(receipt).Count);
        Assert.True(await EventuallyAsync(() => File.Exists(Path.Combine(inbox, "processed", "order-1.xml"))));
        Assert.False(File.Exists(Path.Combine(inbox, "order-1.xml")));
        Assert.True(File.Exists(partial));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "out"), "*.tmp"));
        Assert.Equal(1, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_messages WHERE message_guid = @g AND channel = 'File'", new { g = message.Guid }));
    }

    [Fact]
    public async Task A_file_in_another_enterprises_name_goes_to_failed_with_the_reason()
    {
        var (victim, _) = await _gateway.NewSenderAsync();
        var (sender, _) = await _gateway.NewSenderAsync();
        _ = host.Services;
        var folder = (await host.Services.GetRequiredService<IExchangeFolders>().InitializeAsync(sender.Uscc, CancellationToken.None))!;
        var inbox = Path.Combine(folder, "in");
        await File.WriteAllBytesAsync(Path.Combine(inbox, "x.tmp"), Bytes(Order(victim.CustomsCode)));
        File.Move(Path.Combine(inbox, "x.tmp"), Path.Combine(inbox, "x.xml"));

        Assert.True(await EventuallyAsync(() => File.Exists(Path.Combine(inbox, "failed", "x.xml"))));
        Assert.Contains("gateway.wrong-sender", await File.ReadAllTextAsync(Path.Combine(inbox, "failed", "x.xml.reason.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folders_are_created_only_for_approved_enterprises()
    {
        var (pending, _) = await _gateway.NewSenderAsync(Registry.Contracts.EnterpriseStatus.Submitted);
        var folders = host.Services.GetRequiredService<IExchangeFolders>();
        Assert.Null(await folders.InitializeAsync(pending.CustomsCode, CancellationToken.None));
        Assert.Null(await folders.InitializeAsync("../../etc", CancellationToken.None));
    }
}

public sealed class FileExchangeTestsOnSqlite(SqliteHost host) : FileExchangeTests(host), IClassFixture<SqliteHost>;

public sealed class FileExchangeTestsOnPostgres(PostgresHost host) : FileExchangeTests(host), IClassFixture<PostgresHost>;
