using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Outbox;

public abstract class OutboxTests(PlatformHost host)
{
    private readonly GatewayHarness _gateway = GatewayHarness.For(host);

    [Fact]
    public async Task A_stored_message_is_published_once_to_subscribers_after_commit_and_marked_dispatched()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var message = Order(sender.CustomsCode);
        await PostAsync(client, Bytes(message));

        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until && !_gateway.Events.Events.Any(e => e.Payload.Contains(message.Guid, StringComparison.Ordinal) && e.Type == "clearance.message-received"))
        {
            await Task.Delay(50);
        }

        var events = _gateway.Events.Events.Where(e => e.Type == "clearance.message-received" && e.Payload.Contains(message.Guid, StringComparison.Ordinal)).ToList();
        Assert.Single(events);
        Assert.Equal("clearance", events[0].Source);
        Assert.Contains("\"statuses\":[1]", events[0].Payload, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Equal(0, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_outbox WHERE dispatched_at IS NULL AND id <= @id", new { id = events[0].Id }));
    }
}

public sealed class OutboxTestsOnSqlite(SqliteHost host) : OutboxTests(host), IClassFixture<SqliteHost>;

public sealed class OutboxTestsOnPostgres(PostgresHost host) : OutboxTests(host), IClassFixture<PostgresHost>;
