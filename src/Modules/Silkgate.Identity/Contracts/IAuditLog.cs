using System.Text.Json.Serialization;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;

namespace Silkgate.Identity.Contracts;

/// <summary>
/// Reading the audit log. Province admins see every entry; zone admins see the entries whose actor belongs to their
/// zone; everybody else is refused.
/// </summary>
public interface IAuditLog
{
    Task<Result<AuditPage>> SearchAsync(AuditQuery query, CancellationToken ct);
}

/// <param name="Action">Exact action name or a dotted prefix (<c>identity</c> matches <c>identity.sign-in</c>).</param>
/// <param name="From">First day included (China Standard Time, UTC+8).</param>
/// <param name="To">Last day included (China Standard Time, UTC+8).</param>
/// <param name="Subject">Exact subject, e.g. <c>enterprise:42</c>.</param>
public sealed record AuditQuery(
    string? Action = null,
    AuditOutcome? Outcome = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 50,
    string? Subject = null);

public sealed record AuditRecord(
    long Id,
    DateTimeOffset At,
    long? ActorUserId,
    string? ActorName,
    string? ActorRole,
    string? ActorZone,
    long? ActorEnterpriseId,
    long? ActorApiKeyId,
    string? ClientAddress,
    string Action,
    string? Subject,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))] AuditOutcome Outcome,
    string? Detail);

public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long Total, int Page, int PageSize);
