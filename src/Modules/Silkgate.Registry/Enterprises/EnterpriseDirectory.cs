using Dapper;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Enterprises;

/// <summary>What other modules (Identity first) ask the registry about enterprises and their members.</summary>
internal sealed class EnterpriseDirectory(DbSession session, EnterpriseStore store, HistoryStore members, IOptions<PlatformOptions> options, TimeProvider time) : IEnterpriseDirectory
{
    private string Province => options.Value.ProvinceCode;

    public async Task<EnterpriseSummary?> FindByIdAsync(long enterpriseId, CancellationToken ct) =>
        await store.LoadAsync(Province, enterpriseId, ct) is { } e ? Summary(e) : null;

    public async Task<EnterpriseSummary?> FindByCodeAsync(string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        var c = await session.ConnectionAsync(ct);
        // A live registration wins over rejected ones that once claimed the same code; then the newest.
        var id = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT id FROM registry_enterprises WHERE province_code = @Province AND (uscc = @code OR customs_code = @code)
            ORDER BY CASE WHEN status = 'Rejected' THEN 1 ELSE 0 END, id DESC LIMIT 1
            """, new { Province, code = code.Trim().ToUpperInvariant() }, session.Transaction, cancellationToken: ct));
        return id is { } found ? await FindByIdAsync(found, ct) : null;
    }

    public async Task<EnterpriseMembership?> FindMembershipAsync(long userId, CancellationToken ct)
    {
        if (await members.FindMembershipAsync(userId, ct) is not { } m || await store.LoadAsync(Province, m.EnterpriseId, ct) is not { } e)
        {
            return null;
        }

        return new EnterpriseMembership(e.Id, e.ZoneCode, m.IsAdmin, e.Status);
    }

    public async Task AddMemberAsync(long enterpriseId, long userId, bool isAdmin, CancellationToken ct)
    {
        await session.InTransactionAsync(async c =>
        {
            if (await store.LoadAsync(Province, enterpriseId, c) is null)
            {
                throw new InvalidOperationException($"Enterprise {enterpriseId} does not exist.");
            }

            var existing = await members.FindMembershipAsync(userId, c);
            if (existing is null)
            {
                await members.AddMemberAsync(enterpriseId, userId, isAdmin, time.GetUtcNow().ToUnixTimeMilliseconds(), c);
            }
            else if (existing.Value.EnterpriseId == enterpriseId)
            {
                await members.SetMemberAdminAsync(userId, isAdmin, c);
            }
            else
            {
                throw new InvalidOperationException($"Account {userId} already belongs to enterprise {existing.Value.EnterpriseId}; one enterprise per account.");
            }
        }, ct);
    }

    private static EnterpriseSummary Summary(EnterpriseDetails e) =>
        new(e.Id, e.Uscc, e.CustomsCode, e.NameZh, e.NameEn, e.ZoneCode, e.DistrictCode, e.Status, e.Roles);
}
