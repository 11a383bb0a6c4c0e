using System.Text;
using Dapper;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Enterprises;

/// <summary>Searches registrations within what the actor may see; filters and paging are already validated.</summary>
internal sealed class EnterpriseSearch(DbSession session, EnterpriseStore store)
{
    public async Task<EnterprisePage> SearchAsync(string province, Actor actor, OwnEnterprise own, EnterpriseQuery q, EnterpriseRole? role, EnterpriseStatus? status, CancellationToken ct)
    {
        var where = new StringBuilder("e.province_code = @Province");
        var p = new DynamicParameters(new { Province = province });
        switch (actor.Role)
        {
            case Role.ProvinceAdmin:
                break;
            case Role.ZoneAdmin:
                where.Append(" AND e.zone_code = @ActorZone");
                p.Add("ActorZone", actor.ZoneCode ?? "-");
                break;
            case Role.AgencyOfficer:
                where.Append(" AND e.status = 'Approved'");
                if (actor.ZoneCode is not null)
                {
                    where.Append(" AND e.zone_code = @ActorZone");
                    p.Add("ActorZone", actor.ZoneCode);
                }

                break;
            default:
                where.Append(" AND e.id = @Own");
                p.Add("Own", own.Id ?? -1L);
                break;
        }

        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var like = "%" + q.Text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var op = session.Dialect.ILike;
            where.Append($" AND (e.name_zh {op} @Like ESCAPE '\\' OR e.name_en {op} @Like ESCAPE '\\' OR e.uscc {op} @Like ESCAPE '\\' OR e.customs_code {op} @Like ESCAPE '\\')");
            p.Add("Like", like);
        }

        Filter(where, p, "e.zone_code", "Zone", q.ZoneCode);
        Filter(where, p, "e.district_code", "District", q.DistrictCode);
        if (q.ParkId is { } park)
        {
            where.Append(" AND e.park_id = @Park");
            p.Add("Park", park);
        }

        Filter(where, p, "e.status", "Status", status?.ToString());
        if (role is { } r)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM registry_enterprise_roles er WHERE er.enterprise_id = e.id AND er.role = @Role)");
            p.Add("Role", r.ToString());
        }

        var order = q.Sort switch
        {
            "uscc" => "e.uscc, e.id",
            "submitted" => "e.submitted_at, e.id",
            "-submitted" => "e.submitted_at DESC, e.id DESC",
            _ => "e.name_zh, e.id",
        };
        p.Add("Limit", (long)q.PageSize);
        p.Add("Offset", (long)(q.Page - 1) * q.PageSize);
        var c = await session.ConnectionAsync(ct);
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM registry_enterprises e WHERE {where}", p, session.Transaction, cancellationToken: ct));
        var rows = (await c.QueryAsync<Row>(
            new CommandDefinition(
                $"SELECT e.id AS Id, e.uscc AS Uscc, e.customs_code AS CustomsCode, e.name_zh AS NameZh, e.name_en AS NameEn, e.zone_code AS ZoneCode, e.district_code AS DistrictCode, e.status AS Status, e.submitted_at AS SubmittedAt FROM registry_enterprises e WHERE {where} ORDER BY {order} LIMIT @Limit OFFSET @Offset",
                p, session.Transaction, cancellationToken: ct))).AsList();
        var roles = await store.RolesAsync(rows.Select(x => x.Id).ToList(), ct);
        var items = rows.Select(x => new EnterpriseListItem(x.Id, x.Uscc, x.CustomsCode, x.NameZh, x.NameEn, roles.GetValueOrDefault(x.Id, []),
            x.ZoneCode, x.DistrictCode, Enum.Parse<EnterpriseStatus>(x.Status), DateTimeOffset.FromUnixTimeMilliseconds(x.SubmittedAt))).ToList();
        return new EnterprisePage(items, (int)total, q.Page, q.PageSize);
    }

    private static void Filter(StringBuilder where, DynamicParameters p, string column, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            where.Append($" AND {column} = @{name}");
            p.Add(name, value.Trim());
        }
    }

    private sealed record Row(long Id, string Uscc, string CustomsCode, string NameZh, string? NameEn, string ZoneCode, string DistrictCode, string Status, long SubmittedAt);
}
