using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Gateway;

/// <summary>Failure isolation: the real processor, made to fail on purpose for orders numbered BOOM… (and to hold the writer for HOLD…).</summary>
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
    public async Task A_batch_with_a_failing_message_in_its_middle_keeps_every_other_message_exactly_once()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var processor = (FailingOnPurposeProcessor)host.Services.GetRequiredService<IDeclarationProcessor>();
        var pipeline = host.Services.GetRequiredService<IngestPipeline>();

        // The writer blocks in the HOLD order, so that the next 21 messages wait in the queue and form one batch.
        var hold = PostAsync(client, Bytes(Order(sender.CustomsCode, orderPrefix: "HOLD")));
        Assert.True(await processor.WaitHoldingAsync());
        var before = Enumerable.Range(0, 10).Select(_ => Order(sender.CustomsCode)).ToList();
        var bad = Order(sender.CustomsCode, orderPrefix: "BOOM");
        var after = Enumerable.Range(0, 10).Select(_ => Order(sender.CustomsCode)).ToList();
        var good = before.Concat(after).ToList();
        var posts = new List<Task<HttpResponseMessage>>();
        foreach (var m in before.Append(bad).Concat(after))
        {
            posts.Add(PostAsync(client, Bytes(m)));
            // One at a time, so that the failing message is queued in the middle.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (pipeline.Reader.Count < posts.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }

        processor.Release();
        Assert.Equal(HttpStatusCode.OK, (await hold).StatusCode);
        var responses = await Task.WhenAll(posts);

        var badReceipt = Parse(await responses[10].Content.ReadAsStringAsync());
        Assert.Equal("-3001", Statuses(badReceipt).Single().Status);
        foreach (var r in responses.Where((_, i) => i != 10))
        {
            Assert.Equal("1", Statuses(Parse(await r.Content.ReadAsStringAsync())).Single().Status);
            Assert.Equal("false", r.Headers.GetValues("X-Silkgate-Replayed").Single());
        }

        // The first attempt at the batch was rolled back whole; what it wrote before the failure is there once, not twice.
        foreach (var m in good)
        {
            var g = new { g = m.Guid, order = m.Order.Single().OrderHead.OrderNo };
            Assert.Equal(1, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_messages WHERE message_guid = @g AND outcome = 'Answered'", g));
            Assert.Equal(1, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_receipts WHERE message_guid = @g", g));
            Assert.Equal(1, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_documents WHERE order_no = @order", g));
            Assert.Equal(2, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_outbox WHERE payload LIKE @p", new { p = $"%{m.Guid}%" }));
        }

        Assert.Equal(1, await Store.MessagesWithGuidAsync(host, bad.Guid!));
        Assert.Equal(1, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_messages WHERE message_guid = @g AND outcome = 'Failed'", new { g = bad.Guid }));
        Assert.Equal(0, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_outbox WHERE payload LIKE @p", new { p = $"%{bad.Guid}%" }));
        Assert.Equal(0, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_messages a JOIN clearance_messages b ON a.seq < b.seq AND a.id > b.id"));
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
