using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb;
using Silkgate.Clearance.Ingest;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>
/// The other modules' contracts the gateway consumes, as doubles registered into one test host: enterprise directory,
/// agent authorizations, audit trail, an outbox subscriber, and a processor that fails on purpose for order numbers starting with BOOM.
/// </summary>
internal sealed class ClearanceDoubles
{
    private static readonly ConditionalWeakTable<PlatformHost, ClearanceDoubles> Hosts = new();

    public TestEnterpriseDirectory Directory { get; } = new();

    public TestAgentAuthorizations Agents { get; } = new();

    public RecordingAuditTrail Audit { get; } = new();

    public RecordingEventHandler Events { get; } = new();

    /// <summary>The doubles of a host, registered on first use (before its server starts).</summary>
    public static ClearanceDoubles For(PlatformHost host) => Hosts.GetValue(host, h =>
    {
        var d = new ClearanceDoubles();
        h.Settings["Clearance:Gateway:MaxMessageBytes"] = "262144";
        h.Settings["Clearance:FileExchange:PollMilliseconds"] = "100";
        h.Settings["Clearance:FileExchange:SettleMilliseconds"] = "300";
        h.TestServices.Add(s =>
        {
            s.AddSingleton<IEnterpriseDirectory>(d.Directory);
            s.AddSingleton<IAgentAuthorizations>(d.Agents);
            s.AddSingleton<IAuditTrail>(d.Audit);
            s.AddSingleton<IIntegrationEventHandler>(d.Events);
            s.AddSingleton<IDeclarationProcessor>(new FailingOnPurposeProcessor(new SavedOnlyDeclarationProcessor()));
        });
        return d;
    });

    /// <summary>A new approved enterprise and the actor its sending system's API key yields.</summary>
    public (EnterpriseSummary Enterprise, Actor Actor) NewSender(EnterpriseStatus status = EnterpriseStatus.Approved)
    {
        var e = Directory.Add(status);
        return (e, new Actor(e.Id * 10, $"system of {e.CustomsCode}", Role.EnterpriseUser, "330000", e.ZoneCode, null, e.Id, e.Id * 100));
    }
}

/// <summary>Declaring-agent authorizations held in memory: (principal code, agent id, message type).</summary>
internal sealed class TestAgentAuthorizations : IAgentAuthorizations
{
    private readonly HashSet<(string, long, string)> _granted = [];

    public void Grant(string principalCode, long agentId, string messageType)
    {
        lock (_granted)
        {
            _granted.Add((principalCode, agentId, messageType));
        }
    }

    public Task<bool> IsAuthorizedAsync(string principalCode, long agentEnterpriseId, string messageType, long atUnixMs, CancellationToken ct)
    {
        lock (_granted)
        {
            return Task.FromResult(_granted.Contains((principalCode, agentEnterpriseId, messageType)));
        }
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

/// <summary>Delegates to the placeholder but throws for orders numbered BOOM…, to prove one failing message does not poison its batch.</summary>
internal sealed class FailingOnPurposeProcessor(IDeclarationProcessor inner) : IDeclarationProcessor
{
    public async Task<IReadOnlyList<EntityOutcome>> ProcessAsync(IngestContext context, CebMessage message, CancellationToken ct)
    {
        // Write something first, so the savepoint rollback has work to undo.
        context.Outbox.Add("test.should-be-rolled-back", new { message.Guid });
        if (message is Silkgate.Ceb.Import.Ceb311Message order && order.Order.Any(o => o.OrderHead.OrderNo?.StartsWith("BOOM", StringComparison.Ordinal) == true))
        {
            throw new InvalidOperationException("processor failure on purpose");
        }

        return await inner.ProcessAsync(context, message, ct);
    }
}
