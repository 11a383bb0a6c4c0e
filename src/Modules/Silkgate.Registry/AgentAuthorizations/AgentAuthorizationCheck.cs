using System.Collections.Frozen;
using Dapper;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.AgentAuthorizations;

/// <summary>
/// The gateway's question "may this agent send this message for that principal?". A singleton: answers from the
/// cache, and on a miss runs one indexed query on its own connection (outside any caller's transaction).
/// </summary>
internal sealed class AgentAuthorizationCheck(Database database, AgentAuthorizationCache cache, IOptions<PlatformOptions> options) : IAgentAuthorizations
{
    private const string Query =
        """
        SELECT a.valid_from_at AS ValidFromAt, a.valid_until_at AS ValidUntilAt, a.all_types AS AllTypes, a.id AS Id, t.message_type AS MessageType
        FROM registry_enterprises p
        JOIN registry_agent_authorizations a ON a.principal_enterprise_id = p.id AND a.agent_enterprise_id = @agentId AND a.revoked_at IS NULL
        JOIN registry_enterprises g ON g.id = a.agent_enterprise_id AND g.status = 'Approved'
        LEFT JOIN registry_agent_authorization_types t ON t.authorization_id = a.id
        WHERE (p.uscc = @code OR p.customs_code = @code) AND p.province_code = @province AND p.status = 'Approved'
        """;

    public async Task<bool> IsAuthorizedAsync(string principalCode, long agentEnterpriseId, string messageType, long atUnixMs, CancellationToken ct)
    {
        var type = AgentMessageTypes.Normalize(messageType);
        if (type is null || string.IsNullOrWhiteSpace(principalCode))
        {
            return false;
        }

        var code = principalCode.Trim().ToUpperInvariant();
        if (!cache.TryGet(code, agentEnterpriseId, out var windows))
        {
            var generation = cache.Generation;
            windows = await LoadAsync(code, agentEnterpriseId, ct);
            cache.Store(code, agentEnterpriseId, windows, generation);
        }

        foreach (var w in windows)
        {
            if (w.Covers(type, atUnixMs))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<AuthorizationWindow[]> LoadAsync(string code, long agentId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(Query, new { code, agentId, province = options.Value.ProvinceCode }, cancellationToken: ct));
        return rows.GroupBy(r => r.Id).Select(g =>
        {
            var first = g.First();
            var types = first.AllTypes == 1 ? null : g.Where(r => r.MessageType is not null).Select(r => r.MessageType!).ToFrozenSet(StringComparer.Ordinal);
            return new AuthorizationWindow(first.ValidFromAt, first.ValidUntilAt, types);
        }).ToArray();
    }

    private sealed record Row(long ValidFromAt, long? ValidUntilAt, long AllTypes, long Id, string? MessageType);
}
