using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silkgate.Identity.Contracts;
using Silkgate.Registry.Contracts;
using Silkgate.Server.Hosting;
using Silkgate.Simulation;

namespace Silkgate.Cli.Bench;

/// <summary>
/// Puts the benchmark's senders on the target server's database through the platform's own facades, acting as the
/// platform (system actor): migrate, register and approve each generated enterprise (or find it when a previous run
/// registered it), create an API key for it. Nothing is written to tables directly.
/// </summary>
internal static class BenchPrepare
{
    public static async Task<BenchKeys> RunAsync(IHost host, long enterpriseSeed, int sellers, TextWriter log, CancellationToken ct)
    {
        await host.Services.PrepareDatabaseAsync(seedDemo: false, ct);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in BenchWorkload.Enterprises(enterpriseSeed, sellers))
        {
            await using var scope = host.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            await EnsureApprovedAsync(sp, e, ct);
            var key = await sp.GetRequiredService<IApiKeyService>().CreateForEnterpriseAsync(e.Code, "silkgate bench", ct);
            if (!key.IsSuccess)
            {
                throw new InvalidOperationException($"API key for {e.Code}: {string.Join("; ", key.Errors.Select(p => p.Message))}");
            }

            keys[e.Code] = key.Value!.Key;
        }

        await log.WriteLineAsync($"{keys.Count} enterprises approved with one API key each (enterprise seed {enterpriseSeed}, {sellers} sellers)");
        return new BenchKeys(enterpriseSeed, sellers, keys);
    }

    private static async Task EnsureApprovedAsync(IServiceProvider sp, SimEnterprise e, CancellationToken ct)
    {
        var registry = sp.GetRequiredService<IEnterpriseRegistry>();
        var existing = await sp.GetRequiredService<IEnterpriseDirectory>().FindByCodeAsync(e.Code, ct);
        var id = existing?.Id;
        if (existing is null)
        {
            var registered = await registry.RegisterAsync(Form(e), ct);
            if (!registered.IsSuccess)
            {
                throw new InvalidOperationException($"Registering {e.Code}: {string.Join("; ", registered.Errors.Select(p => $"{p.Field}: {p.Message}"))}");
            }

            id = registered.Value!.Id;
        }

        if (existing?.Status != EnterpriseStatus.Approved)
        {
            var approved = await registry.DecideAsync(id!.Value, EnterpriseDecision.Approve, null, ct);
            if (!approved.IsSuccess)
            {
                throw new InvalidOperationException($"Approving {e.Code}: {string.Join("; ", approved.Errors.Select(p => p.Message))}");
            }
        }
    }

    private static EnterpriseForm Form(SimEnterprise e) => new(
        e.Uscc, e.Code, e.NameZh, e.NameEn, e.Roles.Select(r => r.ToString()).ToList(), e.ZoneCode, e.DistrictCode, null,
        "基准测试路1号 (benchmark)", "张三", null, [new ContactForm("李四", "0572-1234567", "bench@example.com", "系统管理员")]);
}
