using Dapper;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;

namespace Silkgate.Registry.AgentAuthorizations;

/// <summary>A validated grant, ready to store.</summary>
internal sealed record ValidGrant(EnterpriseSummary Agent, bool AllTypes, IReadOnlyList<string> Types, long From, long? Until, string? Note);

/// <summary>Writes and reads authorizations within the session's transaction.</summary>
internal sealed class AgentAuthorizationStore(DbSession session, EnterpriseStore enterprises)
{
    private const string Select =
        """
        SELECT a.id AS Id, a.principal_enterprise_id AS PrincipalId, a.agent_enterprise_id AS AgentId, a.all_types AS AllTypes,
               a.valid_from_at AS ValidFromAt, a.valid_until_at AS ValidUntilAt, a.note AS Note,
               a.granted_by AS GrantedBy, a.granted_by_name AS GrantedByName, a.granted_at AS GrantedAt,
               a.revoked_by AS RevokedBy, a.revoked_by_name AS RevokedByName, a.revoked_at AS RevokedAt, a.revoke_reason AS RevokeReason
        FROM registry_agent_authorizations a
        """;

    public async Task<long> InsertAsync(long principalId, ValidGrant g, Actor actor, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO registry_agent_authorizations (principal_enterprise_id, agent_enterprise_id, all_types, valid_from_at, valid_until_at, note,
                granted_by, granted_by_name, granted_at)
            VALUES (@principalId, @agentId, @allTypes, @From, @Until, @Note, @userId, @name, @at)
            RETURNING id
            """, new { principalId, agentId = g.Agent.Id, allTypes = g.AllTypes ? 1L : 0L, g.From, g.Until, g.Note, userId = actor.UserId, name = actor.Name, at },
            session.Transaction, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO registry_agent_authorization_types (authorization_id, message_type) VALUES (@id, @Type)",
            g.Types.Select(t => new { id, Type = t }), session.Transaction, cancellationToken: ct));
        return id;
    }

    /// <summary>Marks the authorization revoked; false when it already was.</summary>
    public async Task<bool> RevokeAsync(long id, Actor actor, string? reason, long at, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            """
            UPDATE registry_agent_authorizations SET revoked_by = @userId, revoked_by_name = @name, revoked_at = @at, revoke_reason = @reason
            WHERE id = @id AND revoked_at IS NULL
            """, new { id, userId = actor.UserId, name = actor.Name, at, reason }, session.Transaction, cancellationToken: ct)) == 1;
    }

    public async Task<AgentAuthorization?> FindAsync(long id, long now, CancellationToken ct) =>
        (await LoadAsync($"{Select} WHERE a.id = @id", new { id }, now, ct)).SingleOrDefault();

    public Task<IReadOnlyList<AgentAuthorization>> ListByPrincipalAsync(long principalId, long now, CancellationToken ct) =>
        LoadAsync($"{Select} WHERE a.principal_enterprise_id = @principalId ORDER BY a.granted_at DESC, a.id DESC", new { principalId }, now, ct);

    public Task<IReadOnlyList<AgentAuthorization>> ListByAgentAsync(long agentId, long now, CancellationToken ct) =>
        LoadAsync($"{Select} WHERE a.agent_enterprise_id = @agentId ORDER BY a.granted_at DESC, a.id DESC", new { agentId }, now, ct);

    private async Task<IReadOnlyList<AgentAuthorization>> LoadAsync(string sql, object args, long now, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition(sql, args, session.Transaction, cancellationToken: ct))).AsList();
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var types = (await c.QueryAsync<(long AuthorizationId, string MessageType)>(new CommandDefinition(
            $"SELECT authorization_id, message_type FROM registry_agent_authorization_types WHERE authorization_id {In}",
            new { ids }, session.Transaction, cancellationToken: ct)))
            .ToLookup(t => t.AuthorizationId, t => t.MessageType);
        var parties = await PartiesAsync(rows.SelectMany(r => new[] { r.PrincipalId, r.AgentId }).Distinct().ToArray(), ct);
        return rows.Select(r => r.ToAuthorization(parties[r.PrincipalId], parties[r.AgentId], OrderTypes(types[r.Id]), now)).ToList();
    }

    private string In => session.Dialect.IsPostgres ? "= ANY(@ids)" : "IN @ids";

    private async Task<Dictionary<long, AuthorizationParty>> PartiesAsync(long[] ids, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var rows = await c.QueryAsync<PartyRow>(new CommandDefinition(
            $"SELECT id AS Id, uscc AS Uscc, customs_code AS CustomsCode, name_zh AS NameZh, name_en AS NameEn, zone_code AS ZoneCode, status AS Status FROM registry_enterprises WHERE id {In}",
            new { ids }, session.Transaction, cancellationToken: ct));
        var roles = await enterprises.RolesAsync(ids, ct);
        return rows.ToDictionary(p => p.Id, p => new AuthorizationParty(
            p.Id, p.Uscc, p.CustomsCode, p.NameZh, p.NameEn, p.ZoneCode, Enum.Parse<EnterpriseStatus>(p.Status), roles.GetValueOrDefault(p.Id, [])));
    }

    /// <summary>Types in the order of the CEB table (export first), whatever order they were stored in.</summary>
    private static List<string> OrderTypes(IEnumerable<string> types)
    {
        var set = types.ToHashSet(StringComparer.Ordinal);
        return [.. AgentMessageTypes.Declarations.Select(t => t.RootName).Where(set.Contains)];
    }

    private sealed record PartyRow(long Id, string Uscc, string CustomsCode, string NameZh, string? NameEn, string ZoneCode, string Status);

    private sealed record Row(
        long Id, long PrincipalId, long AgentId, long AllTypes, long ValidFromAt, long? ValidUntilAt, string? Note,
        long GrantedBy, string GrantedByName, long GrantedAt, long? RevokedBy, string? RevokedByName, long? RevokedAt, string? RevokeReason)
    {
        public AgentAuthorization ToAuthorization(AuthorizationParty principal, AuthorizationParty agent, IReadOnlyList<string> types, long now) => new(
            Id, principal, agent, AllTypes == 1, AllTypes == 1 ? [] : types,
            ChinaDates.DayOf(ValidFromAt), ValidUntilAt is { } until ? ChinaDates.LastDayOf(until) : null, Note,
            GrantedBy, GrantedByName, DateTimeOffset.FromUnixTimeMilliseconds(GrantedAt),
            RevokedBy, RevokedByName, RevokedAt is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null, RevokeReason,
            StatusAt(principal, agent, now));

        private AgentAuthorizationStatus StatusAt(AuthorizationParty principal, AuthorizationParty agent, long now) =>
            RevokedAt is not null ? AgentAuthorizationStatus.Revoked
            : ValidUntilAt is { } until && now >= until ? AgentAuthorizationStatus.Expired
            : now < ValidFromAt ? AgentAuthorizationStatus.Scheduled
            : principal.Status != EnterpriseStatus.Approved || agent.Status != EnterpriseStatus.Approved ? AgentAuthorizationStatus.Inactive
            : AgentAuthorizationStatus.Effective;
    }
}
