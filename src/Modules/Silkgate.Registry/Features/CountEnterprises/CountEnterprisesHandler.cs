using Dapper;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;

namespace Silkgate.Registry.Features.CountEnterprises;

/// <summary>
/// How many registrations each zone has, by status, within the actor's remit: province admins every zone, zone admins
/// their zone, agency officers the approved registrations of the zones they cover. Enterprises and applicants are refused.
/// </summary>
internal sealed class CountEnterprisesHandler(EnterpriseGate gate, DbSession session)
{
    public async Task<Result<IReadOnlyList<ZoneStatusCount>>> HandleAsync(CancellationToken ct)
    {
        if (gate.Actor is not { IsGovernment: true } actor)
        {
            return gate.Actor is null ? EnterpriseGate.SignInRequired : Problem.Forbidden("Counts by zone are for government users.");
        }

        var sql = "SELECT zone_code AS ZoneCode, status AS Status, COUNT(*) AS Count FROM registry_enterprises WHERE province_code = @Province";
        if (actor.Role != Role.ProvinceAdmin && actor.ZoneCode is not null)
        {
            sql += " AND zone_code = @Zone";
        }

        if (actor.Role == Role.AgencyOfficer)
        {
            sql += " AND status = 'Approved'";
        }

        var connection = await session.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql + " GROUP BY zone_code, status ORDER BY zone_code, status",
            new { gate.Province, Zone = actor.ZoneCode }, session.Transaction, cancellationToken: ct));
        return rows.Select(r => new ZoneStatusCount(r.ZoneCode, Enum.Parse<EnterpriseStatus>(r.Status), r.Count)).ToList();
    }

    private sealed class Row
    {
        public string ZoneCode { get; init; } = "";

        public string Status { get; init; } = "";

        public long Count { get; init; }
    }
}
