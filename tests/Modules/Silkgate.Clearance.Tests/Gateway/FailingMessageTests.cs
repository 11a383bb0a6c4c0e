using System.Net;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Gateway;

/// <summary>Failure isolation: the real processor, made to fail on purpose for orders numbered BOOM….</summary>
public abstract class FailingMessageTests(PlatformHost host)
{
    private readonly GatewayHarness _gateway = GatewayHarness.FailingOnPurpose(host);

    [Fact]
    public async Task One_failing_message_does_not_poison_the_others_of_its_batch()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var good = Enumerable.Range(0, 20).Select(_ => Order(sender.CustomsCode)).ToList();
        var bad = Order(sender.CustomsCode, orderPrefix: "BOOM");

        var posts = good.Select(m => PostAsync(client, Bytes(m))).Append(PostAsync(client, Bytes(bad))).ToList();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var badReceipt = Parse(await responses[^1].Content.ReadAsStringAsync());
        Assert.Equal("-3001", Statuses(badReceipt).Single().Status);
        foreach (var r in responses.Take(20))
        {
            Assert.Equal("1", Statuses(Parse(await r.Content.ReadAsStringAsync())).Single().Status);
        }

        // The failed message is stored as evidence in its place in the chain: ids follow the chain's order.
        Assert.Equal(1, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_messages WHERE message_guid = @g AND outcome = 'Failed'", new { g = bad.Guid }));
        Assert.Equal(0, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_messages a JOIN clearance_messages b ON a.seq < b.seq AND a.id > b.id"));

        // A system error is not the answer to keep: sent again (processor still failing) it is tried again, not replayed.
        var again = await PostAsync(client, Bytes(bad));
        Assert.Equal("false", again.Headers.GetValues("X-Silkgate-Replayed").Single());
    }

    [Fact]
    public async Task Events_of_a_message_that_failed_are_rolled_back_with_it()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var bad = Order(sender.CustomsCode, orderPrefix: "BOOM");
        await PostAsync(client, Bytes(bad));
        Assert.Equal(0, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_outbox WHERE payload LIKE @p", new { p = $"%{bad.Guid}%" }));
    }
}

public sealed class FailingMessageTestsOnSqlite(SqliteHost host) : FailingMessageTests(host), IClassFixture<SqliteHost>;

public sealed class FailingMessageTestsOnPostgres(PostgresHost host) : FailingMessageTests(host), IClassFixture<PostgresHost>;
