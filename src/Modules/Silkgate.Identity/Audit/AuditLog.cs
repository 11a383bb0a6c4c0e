using System.Text;
using Dapper;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;

namespace Silkgate.Identity.Audit;

/// <summary>Reads the audit log: province admins everything, zone admins the entries of their zone's actors.</summary>
internal sealed class AuditLog(DbSession session, IActorContext actors, AuditTrail trail) : IAuditLog
{
    /// <summary>Days of the filters are days in China Standard Time.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public async Task<Result<AuditPage>> SearchAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = actors.Current;
        if (actor is null || actor.Role is not (Role.ProvinceAdmin or Role.ZoneAdmin))
        {
            await trail.RecordAsync(new AuditEntry("identity.audit.read", null, AuditOutcome.Denied, "only province and zone admins read the audit log"), actor, ct);
            return Problem.Forbidden("Only province and zone administrators may read the audit log.");
        }

        var problems = new List<Problem>();
        if (query.Page < 1)
        {
            problems.Add(Problem.Invalid("page", "page.range", "The page number starts at 1."));
        }

        if (query.PageSize is < 1 or > 500)
        {
            problems.Add(Problem.Invalid("pageSize", "page-size.range", "The page size is between 1 and 500."));
        }

        if (query.From is { } f && query.To is { } t && f > t)
        {
            problems.Add(Problem.Invalid("to", "date-range.order", "The last day must not be before the first day."));
        }

        if (problems.Count > 0)
        {
            return Result<AuditPage>.Failure(problems);
        }

        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (actor.Role == Role.ZoneAdmin)
        {
            where.Append(" AND actor_zone = @Zone");
            parameters.Add("Zone", actor.ZoneCode ?? "");
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            where.Append(" AND (action = @Action OR substr(action, 1, @PrefixLength) = @Prefix)");
            parameters.Add("Action", query.Action.Trim());
            parameters.Add("Prefix", query.Action.Trim() + ".");
            parameters.Add("PrefixLength", query.Action.Trim().Length + 1);
        }

        if (!string.IsNullOrWhiteSpace(query.Subject))
        {
            where.Append(" AND subject = @Subject");
            parameters.Add("Subject", query.Subject.Trim());
        }

        if (query.Outcome is { } outcome)
        {
            where.Append(" AND outcome = @Outcome");
            parameters.Add("Outcome", outcome.ToString());
        }

        if (query.From is { } from)
        {
            where.Append(" AND at >= @From");
            parameters.Add("From", StartOf(from));
        }

        if (query.To is { } to)
        {
            where.Append(" AND at < @To");
            parameters.Add("To", StartOf(to.AddDays(1)));
        }

        parameters.Add("Limit", (long)query.PageSize);
        parameters.Add("Offset", (long)(query.Page - 1) * query.PageSize);
        var connection = await session.ConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM identity_audit {where}", parameters, session.Transaction, cancellationToken: ct));
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            "SELECT id AS Id, at AS At, actor_user_id AS ActorUserId, actor_name AS ActorName, actor_role AS ActorRole, actor_zone AS ActorZone, " +
            "actor_enterprise_id AS ActorEnterpriseId, actor_api_key_id AS ActorApiKeyId, client_address AS ClientAddress, action AS Action, " +
            $"subject AS Subject, outcome AS Outcome, detail AS Detail FROM identity_audit {where} ORDER BY at DESC, id DESC LIMIT @Limit OFFSET @Offset",
            parameters, session.Transaction, cancellationToken: ct));
        return new AuditPage(rows.Select(r => r.ToRecord()).ToList(), total, query.Page, query.PageSize);
    }

    private static long StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUnixTimeMilliseconds();

    private sealed class AuditRow
    {
        public long Id { get; init; }

        public long At { get; init; }

        public long? ActorUserId { get; init; }

        public string? ActorName { get; init; }

        public string? ActorRole { get; init; }

        public string? ActorZone { get; init; }

        public long? ActorEnterpriseId { get; init; }

        public long? ActorApiKeyId { get; init; }

        public string? ClientAddress { get; init; }

        public string Action { get; init; } = "";

        public string? Subject { get; init; }

        public string Outcome { get; init; } = "";

        public string? Detail { get; init; }

        public AuditRecord ToRecord() => new(
            Id, DateTimeOffset.FromUnixTimeMilliseconds(At), ActorUserId, ActorName, ActorRole, ActorZone, ActorEnterpriseId,
            ActorApiKeyId, ClientAddress, Action, Subject, Enum.Parse<AuditOutcome>(Outcome), Detail);
    }
}
