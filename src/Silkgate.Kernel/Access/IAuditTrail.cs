namespace Silkgate.Kernel.Access;

public enum AuditOutcome
{
    Succeeded,
    Failed,
    Denied,
}

/// <summary>One line of the audit log: who did what to which subject, and how it ended.</summary>
/// <param name="Action">Stable dotted name, e.g. <c>identity.sign-in</c>, <c>registry.enterprise.approve</c>, <c>registry.enterprise.read</c>.</param>
/// <param name="Subject">What was acted on, e.g. <c>enterprise:42</c>.</param>
public sealed record AuditEntry(string Action, string? Subject, AuditOutcome Outcome, string? Detail = null);

/// <summary>
/// Records sign-ins, approvals, reads of another party's data and refused attempts. Entries are written on their
/// own connection so that they survive the rollback of the work they describe.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken ct);
}
