using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Modules;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>
/// The gateway on the real modules: senders are enterprises registered and approved through the registry API, their
/// systems send with API keys created through Identity's API, agent authorizations are granted through the registry API
/// and audit entries are read back from Identity's audit log. Only the outbox subscriber is a test object; a
/// failing-on-purpose processor (around the real one) is added only for hosts that prove failure isolation.
/// </summary>
internal sealed class GatewayHarness
{
    public const string Province = "330000";
    public const string Zone = "330500";
    public const string District = "330502";

    private static readonly ConditionalWeakTable<PlatformHost, GatewayHarness> Hosts = new();
    private static long s_nextUser = 500_000 + RandomNumberGenerator.GetInt32(1_000_000);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly PlatformHost _host;

    private GatewayHarness(PlatformHost host) => _host = host;

    public RecordingEventHandler Events { get; } = new();

    /// <summary>The harness of a host, set up on first use (before its server starts).</summary>
    public static GatewayHarness For(PlatformHost host) => For(host, failOnPurpose: false);

    /// <summary>As <see cref="For(PlatformHost)"/>, with the real processor made to fail for orders numbered BOOM….</summary>
    public static GatewayHarness FailingOnPurpose(PlatformHost host) => For(host, failOnPurpose: true);

    private static GatewayHarness For(PlatformHost host, bool failOnPurpose) => Hosts.GetValue(host, h =>
    {
        var harness = new GatewayHarness(h);
        h.Settings["Clearance:Gateway:MaxMessageBytes"] = "262144";
        h.Settings["Clearance:FileExchange:PollMilliseconds"] = "100";
        h.Settings["Clearance:FileExchange:SettleMilliseconds"] = "300";
        h.TestServices.Add(s =>
        {
            s.AddSingleton<IIntegrationEventHandler>(harness.Events);
            if (failOnPurpose)
            {
                s.RemoveAll<IDeclarationProcessor>();
                s.AddSingleton<DeclarationProcessor>();
                s.AddSingleton<IDeclarationProcessor>(p => new FailingOnPurposeProcessor(p.GetRequiredService<DeclarationProcessor>()));
            }
        });
        return harness;
    });

    public static long NewUserId() => Interlocked.Increment(ref s_nextUser);

    public static Actor ZoneAdmin() => new(NewUserId(), "综试区管理员", Role.ZoneAdmin, Province, Zone);

    public static Actor ProvinceAdmin() => new(NewUserId(), "省管理员", Role.ProvinceAdmin, Province);

    public static Actor EnterpriseAdmin(long enterpriseId) => new(NewUserId(), "企业管理员", Role.EnterpriseAdmin, Province, Zone, EnterpriseId: enterpriseId);

    /// <summary>
    /// A new enterprise registered by the zone admin, approved, with an API key of its system (created while approved);
    /// then brought to <paramref name="status"/> (<c>Suspended</c> suspends it after the key exists; <c>Submitted</c> has no key).
    /// </summary>
    public async Task<(Sender Sender, string Key)> NewSenderAsync(EnterpriseStatus status = EnterpriseStatus.Approved)
    {
        var admin = ZoneAdmin();
        using var asAdmin = _host.CreateClientAs(admin);
        var registered = await ReadAsync<EnterpriseDetails>(await asAdmin.PostAsJsonAsync("/api/v1/registry/enterprises", NewForm(), Json), HttpStatusCode.Created);
        var sender = new Sender(registered.Id, registered.Uscc, registered.CustomsCode);
        if (status == EnterpriseStatus.Submitted)
        {
            return (sender, "");
        }

        await ReadAsync<EnterpriseDetails>(await asAdmin.PostAsync(new Uri($"/api/v1/registry/enterprises/{sender.Id}/approve", UriKind.Relative), null));
        using var asEnterprise = _host.CreateClientAs(EnterpriseAdmin(sender.Id));
        var key = (await ReadAsync<JsonElement>(await asEnterprise.PostAsJsonAsync("/api/v1/identity/api-keys", new { name = "ERP" }, Json), HttpStatusCode.Created))
            .GetProperty("key").GetString()!;
        if (status == EnterpriseStatus.Suspended)
        {
            await ReadAsync<EnterpriseDetails>(await asAdmin.PostAsJsonAsync($"/api/v1/registry/enterprises/{sender.Id}/suspend", new { reason = "测试暂停" }, Json));
        }

        return (sender, key);
    }

    /// <summary>The principal's admin authorizes <paramref name="agent"/> to send <paramref name="messageType"/> for it (registry API).</summary>
    public async Task GrantAsync(Sender principal, Sender agent, string messageType)
    {
        using var client = _host.CreateClientAs(EnterpriseAdmin(principal.Id));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ReadAsync<JsonElement>(await client.PostAsJsonAsync($"/api/v1/registry/enterprises/{principal.Id}/agents",
            new { agentCode = agent.Uscc, messageTypes = new[] { messageType }, validFrom = today }, Json), HttpStatusCode.Created);
    }

    /// <summary>
    /// Waits until the audit log (read as the province admin through Identity's API) holds an entry of
    /// <paramref name="action"/> that satisfies <paramref name="match"/>. On SQLite an entry recorded while the batch
    /// writer holds the write lock is written after the lock frees, hence the polling.
    /// </summary>
    public async Task<AuditRecord> WaitForAuditAsync(string action, Func<AuditRecord, bool> match)
    {
        using var client = _host.CreateClientAs(ProvinceAdmin());
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var page = await ReadAsync<AuditPage>(await client.GetAsync(new Uri($"/api/v1/identity/audit?action={action}&pageSize=100", UriKind.Relative)));
            if (page.Items.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, $"no audit entry {action} matched within 10 s ({page.Items.Count} entries of that action)");
            await Task.Delay(100);
        }
    }

    private static EnterpriseForm NewForm()
    {
        var token = Guid.NewGuid().ToString("N")[..10];
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first17 = "91330502" + new string(Enumerable.Range(0, 9).Select(_ => alphabet[RandomNumberGenerator.GetInt32(31)]).ToArray());
        var customsCode = "3305" + RandomNumberGenerator.GetInt32(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        return new EnterpriseForm(first17 + Uscc.CheckCharacter(first17), customsCode, $"湖州网关测试跨境电商有限公司{token}", $"Gateway test {token}",
            ["ECommerceEnterprise"], Zone, District, null, "湖州市吴兴区测试路1号", "张三", null,
            [new ContactForm("李四", "0572-1234567", "li.si@example.com", "经理")]);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<T>(Json))!;
        }
    }
}

/// <summary>A registered enterprise that sends messages.</summary>
internal sealed record Sender(long Id, string Uscc, string CustomsCode);

internal static class ApiKeyClients
{
    /// <summary>An HTTP client of the host that authenticates with a real API key, as an enterprise system does.</summary>
    public static HttpClient CreateClientWithKey(this PlatformHost host, string apiKey)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}

/// <summary>Records the integration events delivered to it.</summary>
internal sealed class RecordingEventHandler : IIntegrationEventHandler
{
    private readonly List<IntegrationEvent> _events = [];

    public IReadOnlyList<IntegrationEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public bool CanHandle(string eventType) => true;

    public Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken ct)
    {
        lock (_events)
        {
            _events.Add(integrationEvent);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Delegates to the real processor but throws for orders numbered BOOM…, to prove one failing message does not poison its
/// batch; an order numbered HOLD… blocks the writer until <see cref="Release"/>, so that a test can queue a whole batch
/// behind it.
/// </summary>
internal sealed class FailingOnPurposeProcessor(IDeclarationProcessor inner) : IDeclarationProcessor
{
    private readonly SemaphoreSlim _holding = new(0);
    private readonly SemaphoreSlim _release = new(0);

    /// <summary>Waits until the writer is blocked in a HOLD order.</summary>
    public Task<bool> WaitHoldingAsync() => _holding.WaitAsync(TimeSpan.FromSeconds(30));

    public void Release() => _release.Release();

    public async Task<IReadOnlyList<EntityOutcome>> ProcessAsync(IngestContext context, CebMessage message, CancellationToken ct)
    {
        // Write something first, so the rollback has work to undo.
        context.Outbox.Add("test.should-be-rolled-back", new { message.Guid });
        if (message is Silkgate.Ceb.Import.Ceb311Message order)
        {
            if (order.Order.Any(o => o.OrderHead.OrderNo?.StartsWith("BOOM", StringComparison.Ordinal) == true))
            {
                throw new InvalidOperationException("processor failure on purpose");
            }

            if (order.Order.Any(o => o.OrderHead.OrderNo?.StartsWith("HOLD", StringComparison.Ordinal) == true))
            {
                _holding.Release();
                // The writer's own thread: blocking it is what holds the next batch back.
                _release.Wait(TimeSpan.FromSeconds(30), ct);
            }
        }

        return await inner.ProcessAsync(context, message, ct);
    }
}
