using Dapper;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Enterprises;

/// <summary>The status history of registrations and the membership of accounts in enterprises.</summary>
internal sealed class HistoryStore(DbSession session)
{
    public async Task AddAsync(long enterpriseId, string action, EnterpriseStatus? from, EnterpriseStatus to, string? reason, Actor actor, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO registry_status_history (enterprise_id, action, from_status, to_status, reason, actor_user_id, actor_name, at)
            VALUES (@enterpriseId, @action, @From, @To, @reason, @UserId, @Name, @at)
            """,
            new { enterpriseId, action, From = from?.ToString(), To = to.ToString(), reason, actor.UserId, actor.Name, at },
            session.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StatusChange>> ListAsync(long enterpriseId, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var rows = await c.QueryAsync<(string Action, string? From, string To, string? Reason, long UserId, string Name, long At)>(new CommandDefinition(
            "SELECT action, from_status, to_status, reason, actor_user_id, actor_name, at FROM registry_status_history WHERE enterprise_id = @enterpriseId ORDER BY id",
            new { enterpriseId }, session.Transaction, cancellationToken: ct));
        return rows.Select(r => new StatusChange(r.Action, r.From is null ? null : Enum.Parse<EnterpriseStatus>(r.From), Enum.Parse<EnterpriseStatus>(r.To),
            r.Reason, r.UserId, r.Name, DateTimeOffset.FromUnixTimeMilliseconds(r.At))).ToList();
    }

    public async Task<(long EnterpriseId, bool IsAdmin)?> FindMembershipAsync(long userId, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(
            "SELECT enterprise_id AS EnterpriseId, is_admin AS IsAdmin FROM registry_members WHERE user_id = @userId",
            new { userId }, session.Transaction, cancellationToken: ct));
        return row is null ? null : (row.EnterpriseId, row.IsAdmin != 0);
    }

    public async Task AddMemberAsync(long enterpriseId, long userId, bool isAdmin, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO registry_members (user_id, enterprise_id, is_admin, added_at) VALUES (@userId, @enterpriseId, @IsAdmin, @at)",
            new { userId, enterpriseId, IsAdmin = isAdmin ? 1L : 0L, at }, session.Transaction, cancellationToken: ct));
    }

    public async Task SetMemberAdminAsync(long userId, bool isAdmin, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE registry_members SET is_admin = @IsAdmin WHERE user_id = @userId",
            new { userId, IsAdmin = isAdmin ? 1L : 0L }, session.Transaction, cancellationToken: ct));
    }

    private sealed record MemberRow(long EnterpriseId, long IsAdmin);
}
