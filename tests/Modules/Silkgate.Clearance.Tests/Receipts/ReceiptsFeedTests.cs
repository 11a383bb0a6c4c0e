using System.Net;
using System.Net.Http.Json;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Receipts;

public abstract class ReceiptsFeedTests(PlatformHost host)
{
    private readonly GatewayHarness _gateway = GatewayHarness.For(host);

    private sealed record Item(long Cursor, string Type, string? MessageGuid, long MessageId, DateTimeOffset CreatedAt, string Receipt);

    private sealed record Page(List<Item> Items, long Next);

    private static async Task<Page> PageAsync(HttpClient client, long after, int limit) =>
        (await client.GetFromJsonAsync<Page>(new Uri($"/api/v1/ceb/receipts?after={after}&limit={limit}", UriKind.Relative)))!;

    [Fact]
    public async Task Pages_follow_the_cursor_in_order_and_a_resumed_client_misses_and_repeats_nothing()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var guids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var m = Order(sender.CustomsCode);
            guids.Add(m.Guid);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Bytes(m))).StatusCode);
        }

        var first = await PageAsync(client, 0, 2);
        var second = await PageAsync(client, first.Next, 2);
        // The client "crashes" after the second page and resumes from the cursor it saved.
        var resumed = await PageAsync(client, second.Next, 100);
        var empty = await PageAsync(client, resumed.Next, 100);

        var seen = first.Items.Concat(second.Items).Concat(resumed.Items).ToList();
        Assert.Equal(guids, seen.Select(i => i.MessageGuid));
        Assert.Equal(seen.Select(i => i.Cursor).Order(), seen.Select(i => i.Cursor));
        Assert.All(seen, i => Assert.Equal("CEB312Message", i.Type));
        Assert.All(seen, i => Assert.Contains("<ceb:CEB312Message", i.Receipt, StringComparison.Ordinal));
        Assert.Empty(empty.Items);
        Assert.Equal(resumed.Next, empty.Next);
    }

    [Fact]
    public async Task An_enterprise_sees_only_its_own_receipts()
    {
        var (a, keyA) = await _gateway.NewSenderAsync();
        var (_, keyB) = await _gateway.NewSenderAsync();
        using var clientA = host.CreateClientWithKey(keyA);
        using var clientB = host.CreateClientWithKey(keyB);
        var m = Order(a.CustomsCode);
        await PostAsync(clientA, Bytes(m));

        var all = await PageAsync(clientB, 0, 100);
        while (all.Items.Count == 100)
        {
            all = await PageAsync(clientB, all.Next, 100);
        }

        Assert.DoesNotContain(all.Items, i => i.MessageGuid == m.Guid);
        Assert.Contains((await PageAsync(clientA, 0, 100)).Items, i => i.MessageGuid == m.Guid);
    }

    [Fact]
    public async Task A_limit_out_of_range_is_a_problem_naming_the_field()
    {
        var (_, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var response = await client.GetAsync(new Uri("/api/v1/ceb/receipts?after=0&limit=1000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_receipts_needs_a_key()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/ceb/receipts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class ReceiptsFeedTestsOnSqlite(SqliteHost host) : ReceiptsFeedTests(host), IClassFixture<SqliteHost>;

public sealed class ReceiptsFeedTestsOnPostgres(PostgresHost host) : ReceiptsFeedTests(host), IClassFixture<PostgresHost>;
