namespace Silkgate.Clearance.Contracts;

/// <summary>
/// The customs exchange as zone and province administrators see it: queue depth, last send and receive, failures, retry.
/// A zone administrator sees and retries the entries of their zone; the province administrator all (or one zone).
/// Everyone else gets null / false (and the attempt is audited as denied).
/// </summary>
public interface ICustomsExchange
{
    /// <summary>The overview, or null when the actor may not see the exchange.</summary>
    Task<CustomsExchangeOverview?> OverviewAsync(string? zoneCode, CancellationToken ct);

    /// <summary>Makes one failed or deferred entry due now; Forbidden / NotFound when outside the actor's remit or not retryable.</summary>
    Task<CustomsRetryOutcome> RetryAsync(long entryId, CancellationToken ct);

    /// <summary>Makes every failed entry in the actor's remit due now; null when the actor may not.</summary>
    Task<int?> RetryAllFailedAsync(string? zoneCode, CancellationToken ct);
}

public enum CustomsRetryOutcome
{
    Retried,
    NotFound,
    Forbidden,
}

/// <param name="ZoneCode">The zone shown, or null for the whole province.</param>
/// <param name="LastSentAt">Unix milliseconds of the newest send in scope.</param>
/// <param name="LastReceivedAt">Unix milliseconds of the newest answer taken from customs (the transport is shared by all zones).</param>
public sealed record CustomsExchangeOverview(
    string? ZoneCode, string Transport, long Pending, long Deferred, long Sent, long Failed, long? LastSentAt, long? LastReceivedAt,
    IReadOnlyList<CustomsQueueProblem> Problems);

/// <summary>An entry that failed or whose last attempt did not reach customs.</summary>
/// <param name="State">Pending (deferred after a transport error) or Failed (refused, waits for a retry).</param>
public sealed record CustomsQueueProblem(
    long Id, long DocumentId, long EnterpriseId, string? ZoneCode, string MessageType, string MessageGuid, string State, long Attempts,
    long NextAttemptAt, string? LastError, long EnqueuedAt);
