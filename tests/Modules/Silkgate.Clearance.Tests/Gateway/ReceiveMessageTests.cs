using System.Net;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Gateway;

public abstract class ReceiveMessageTests(PlatformHost host)
{
    private readonly GatewayHarness _gateway = GatewayHarness.For(host);

    [Fact]
    public async Task An_accepted_order_is_answered_with_CEB312_and_one_status_per_order()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var message = Order(sender.CustomsCode, entities: 3);

        var response = await PostAsync(client, Bytes(message));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var receipt = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("CEB312Message", receipt.Root!.Name.LocalName);
        var statuses = Statuses(receipt);
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("1", s.Status));
        Assert.Equal(1, await Store.MessagesWithGuidAsync(host, message.Guid));
        AssertSchemaValid(receipt);
    }

    private static void AssertSchemaValid(System.Xml.Linq.XDocument receipt)
    {
        var read = Silkgate.Ceb.Reading.CebReader.Read(System.Text.Encoding.UTF8.GetBytes(receipt.ToString()));
        Assert.True(read.IsSchemaValid, string.Join("; ", read.Problems) + read.FailureDetail);
    }

    [Fact]
    public async Task Partial_acceptance_refuses_only_the_order_that_breaks_a_business_rule()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var message = Order(sender.Uscc, entities: 3);
        message.Order[1].OrderList[0].TotalPrice = 999m;

        var receipt = Parse(await (await PostAsync(client, Bytes(message))).Content.ReadAsStringAsync());

        var statuses = Statuses(receipt);
        Assert.Equal("1", statuses[0].Status);
        Assert.Equal("-301008", statuses[1].Status);
        Assert.Contains("totalPrice", statuses[1].Info, StringComparison.Ordinal);
        Assert.Equal("1", statuses[2].Status);
        AssertSchemaValid(receipt);
    }

    [Fact]
    public async Task A_schema_invalid_message_is_refused_as_a_whole_with_CEB900_0002_and_kept_as_evidence()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var message = Order(sender.CustomsCode);
        message.Order[0].OrderHead.OrderNo = new string('X', 61);

        var receipt = Parse(await (await PostAsync(client, Bytes(message))).Content.ReadAsStringAsync());

        Assert.Equal("CEB900Message", receipt.Root!.Name.LocalName);
        Assert.Equal("-0002", Statuses(receipt).Single().Status);
        Assert.Contains("orderNo", Statuses(receipt).Single().Info, StringComparison.Ordinal);
        Assert.Equal(1, await Store.MessagesWithGuidAsync(host, message.Guid));
    }

    [Theory]
    [InlineData("this is not XML")]
    [InlineData("<ceb:CEB311Message xmlns:ceb=\"http://example.com/not-customs\" guid=\"x\" version=\"1.0\"/>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">&lol3;</ceb:CEB311Message>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">&xxe;</ceb:CEB311Message>")]
    public async Task Unreadable_or_hostile_input_gets_CEB900_0001_and_is_stored_as_evidence(string xml)
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);

        var response = await PostAsync(client, System.Text.Encoding.UTF8.GetBytes(xml));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        var receipt = Parse(body);
        Assert.Equal("CEB900Message", receipt.Root!.Name.LocalName);
        Assert.Equal("-0001", Statuses(receipt).Single().Status);
        AssertSchemaValid(receipt);
        Assert.Equal(1, await Store.MessagesOfSenderAsync(host, sender.Id));
    }

    [Fact]
    public async Task Deeply_nested_input_is_refused_quickly()
    {
        var (_, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var xml = "<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"A\" version=\"1.0\">"
            + string.Concat(Enumerable.Repeat("<a>", 20_000)) + string.Concat(Enumerable.Repeat("</a>", 20_000)) + "</ceb:CEB311Message>";

        var started = DateTime.UtcNow;
        var receipt = Parse(await (await PostAsync(client, System.Text.Encoding.UTF8.GetBytes(xml))).Content.ReadAsStringAsync());

        Assert.Equal("CEB900Message", receipt.Root!.Name.LocalName);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_DXP_envelope_is_answered_like_the_bare_message_and_shares_its_idempotency()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var message = Order(sender.CustomsCode, entities: 2);
        message.Order[1].OrderList[0].TotalPrice = 999m;

        var enveloped = await (await PostAsync(client, Envelope(message))).Content.ReadAsStringAsync();
        var bare = await (await PostAsync(client, Bytes(message))).Content.ReadAsStringAsync();

        Assert.Equal("CEB312Message", Parse(enveloped).Root!.Name.LocalName);
        Assert.Equal(["1", "-301008"], Statuses(Parse(enveloped)).Select(s => s.Status));
        Assert.Equal(enveloped, bare);
        Assert.Equal(1, await Store.MessagesWithGuidAsync(host, message.Guid));
    }

    [Fact]
    public async Task An_envelope_inside_an_envelope_is_refused_with_CEB900()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var inner = Envelope(Order(sender.CustomsCode));
        var outer = new Silkgate.Ceb.Dxp.DxpMsg
        {
            TransInfo = new Silkgate.Ceb.Dxp.DxpTransInfo
            {
                CopMsgId = "OUTER", SenderId = "DXPENT0000000001", ReceiverIds = ["DXPEDCCEB0000002"], CreatTime = "2026-11-22T10:00:00", MsgType = "CEB311Message",
            },
            Data = inner,
        };

        var response = await PostAsync(client, Silkgate.Ceb.Dxp.DxpWriter.ToBytes(outer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("-0001", Statuses(Parse(await response.Content.ReadAsStringAsync())).Single().Status);
    }

    [Fact]
    public async Task A_replay_returns_the_identical_first_answer_and_stores_nothing_new()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var bytes = Bytes(Order(sender.CustomsCode));

        var first = await PostAsync(client, bytes);
        var firstBody = await first.Content.ReadAsByteArrayAsync();
        await Task.Delay(20);
        var second = await PostAsync(client, bytes);

        Assert.Equal(firstBody, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal("true", second.Headers.GetValues("X-Silkgate-Replayed").Single());
        Assert.Equal(1, await Store.MessagesOfSenderAsync(host, sender.Id));
        Assert.Equal(1, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_receipts WHERE enterprise_id = @id", new { id = sender.Id }));
    }

    [Fact]
    public async Task The_same_message_sent_many_times_at_once_is_processed_once_and_every_answer_is_the_first()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Bytes(Order(sender.CustomsCode)))).StatusCode);
        var bytes = Bytes(Order(sender.CustomsCode));

        // Sent together, the copies wait for the writer side by side and share its batches: the batch must see its own answers.
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => PostAsync(client, bytes)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal("1", Statuses(Parse(bodies[0])).Single().Status);
        Assert.Equal(29, responses.Count(r => r.Headers.GetValues("X-Silkgate-Replayed").Single() == "true"));
        Assert.Equal(2, await Store.MessagesOfSenderAsync(host, sender.Id));
        Assert.Equal(2, await Store.CountAsync(host, "SELECT COUNT(*) FROM clearance_receipts WHERE enterprise_id = @id", new { id = sender.Id }));
    }

    [Fact]
    public async Task Two_hundred_concurrent_messages_are_all_answered_and_stored_exactly_once()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var messages = Enumerable.Range(0, 200).Select(_ => Order(sender.CustomsCode)).ToList();

        // A first message alone: Identity's key cache loads the key once (a cold burst would make every request query it).
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Bytes(messages[0]))).StatusCode);

        var responses = await Task.WhenAll(messages.Select(m => PostAsync(client, Bytes(m))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(200, await Store.MessagesOfSenderAsync(host, sender.Id));
        Assert.Equal(200, await Store.CountAsync(host,
            "SELECT COUNT(DISTINCT message_guid) FROM clearance_messages WHERE sender_enterprise_id = @id", new { id = sender.Id }));
    }

    [Fact]
    public async Task Without_a_key_the_gateway_answers_401_with_problem_details()
    {
        using var client = host.CreateClient();
        var response = await PostAsync(client, Bytes(Order("3301000000")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_content_type_is_answered_415()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var response = await PostAsync(client, Bytes(Order(sender.CustomsCode)), "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await Store.MessagesOfSenderAsync(host, sender.Id));
    }

    [Fact]
    public async Task An_oversized_message_is_answered_413_by_its_declared_length_and_while_streaming()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        var big = new byte[300_000];
        Array.Fill(big, (byte)' ');

        var declared = await PostAsync(client, big);
        var streamed = await client.PostAsync(new Uri("/api/v1/ceb/messages", UriKind.Relative), new ChunkedXml(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal(0, await Store.MessagesOfSenderAsync(host, sender.Id));
    }

    [Fact]
    public async Task A_message_in_another_enterprises_name_is_refused_403_and_audited()
    {
        var (victim, _) = await _gateway.NewSenderAsync();
        var (_, intruder) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(intruder);
        var message = Order(victim.CustomsCode);

        var response = await PostAsync(client, Bytes(message));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("gateway.wrong-sender", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = await _gateway.WaitForAuditAsync("clearance.message.receive", e => e.Subject?.Contains(message.Guid, StringComparison.Ordinal) == true);
        Assert.Equal(AuditOutcome.Denied, entry.Outcome);
        Assert.NotNull(entry.ActorApiKeyId);
        Assert.Equal(0, await Store.MessagesWithGuidAsync(host, message.Guid));
    }

    [Fact]
    public async Task A_declaring_agent_may_send_for_the_enterprise_that_authorized_it()
    {
        var (principal, _) = await _gateway.NewSenderAsync();
        var (agent, agentKey) = await _gateway.NewSenderAsync();
        await _gateway.GrantAsync(principal, agent, "CEB311Message");
        using var client = host.CreateClientWithKey(agentKey);

        var response = await PostAsync(client, Bytes(Order(principal.Uscc)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", Statuses(Parse(await response.Content.ReadAsStringAsync())).Single().Status);
    }

    [Fact]
    public async Task A_suspended_enterprise_may_not_send()
    {
        var (sender, key) = await _gateway.NewSenderAsync(Registry.Contracts.EnterpriseStatus.Suspended);
        using var client = host.CreateClientWithKey(key);
        var response = await PostAsync(client, Bytes(Order(sender.CustomsCode)));

        // Identity refuses the key of an enterprise that is not approved before the gateway is reached.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await Store.MessagesOfSenderAsync(host, sender.Id));
    }

    /// <summary>A body of unknown length (chunked), so the limit must be enforced while reading.</summary>
    private sealed class ChunkedXml : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedXml(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < _bytes.Length; i += 8192)
            {
                await stream.WriteAsync(_bytes.AsMemory(i, Math.Min(8192, _bytes.Length - i)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

public sealed class ReceiveMessageTestsOnSqlite(SqliteHost host) : ReceiveMessageTests(host), IClassFixture<SqliteHost>;

public sealed class ReceiveMessageTestsOnPostgres(PostgresHost host) : ReceiveMessageTests(host), IClassFixture<PostgresHost>;
