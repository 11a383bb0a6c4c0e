using Microsoft.Extensions.DependencyInjection;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;

namespace Silkgate.Server.Demo;

/// <summary>What was seeded, as the platform's audit log records it: the plan before the first message, "done" after the last.</summary>
internal sealed record SeedState(DemoTradePlan? Plan, bool Done);

/// <summary>
/// The seed records itself in the audit log (actions <c>demo.trade.plan</c> and <c>demo.trade.done</c>), like any other
/// action of the platform; no table of its own is needed, and a later seed finds the plan to send it again unchanged.
/// </summary>
internal static class SeedRecords
{
    private const string PlanAction = "demo.trade.plan";
    private const string DoneAction = "demo.trade.done";
    private const string Subject = "demo-trade";

    public static async Task<SeedState> ReadAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        var plans = await log.SearchAsync(new AuditQuery(Action: PlanAction, PageSize: 1, Subject: Subject), ct);
        var plan = plans.IsSuccess && plans.Value!.Items.Count > 0 ? DemoTradePlan.FromJson(plans.Value.Items[0].Detail) : null;
        if (plan is null)
        {
            return new SeedState(null, false);
        }

        var done = await log.SearchAsync(new AuditQuery(Action: DoneAction, PageSize: 1, Subject: Subject), ct);
        return new SeedState(plan, done.IsSuccess && done.Value!.Items.Count > 0);
    }

    public static Task PlanAsync(IServiceProvider services, DemoTradePlan plan, CancellationToken ct) =>
        RecordAsync(services, new AuditEntry(PlanAction, Subject, AuditOutcome.Succeeded, plan.ToJson()), ct);

    public static Task DoneAsync(IServiceProvider services, string summary, CancellationToken ct) =>
        RecordAsync(services, new AuditEntry(DoneAction, Subject, AuditOutcome.Succeeded, summary), ct);

    private static async Task RecordAsync(IServiceProvider services, AuditEntry entry, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(entry, ct);
    }
}
