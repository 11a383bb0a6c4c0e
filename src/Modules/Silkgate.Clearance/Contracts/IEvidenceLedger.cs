namespace Silkgate.Clearance.Contracts;

/// <summary>The raw message store as evidence: every received message, chained by SHA-256 so that tampering shows.</summary>
public interface IEvidenceLedger
{
    /// <summary>Walks the whole chain in sequence order and stops at the first entry that does not verify.</summary>
    Task<EvidenceVerification> VerifyAsync(CancellationToken ct);
}

/// <summary>Outcome of walking the evidence chain.</summary>
/// <param name="EntriesVerified">Entries that verified before the first broken one (all of them when intact).</param>
/// <param name="BrokenSequence">Sequence number of the first broken entry (or the expected one, when an entry is missing).</param>
/// <param name="Reason">Why that entry does not verify.</param>
/// <param name="HeadHash">Chain hash of the last verified entry; record it elsewhere to detect later truncation of the tail.</param>
public sealed record EvidenceVerification(long EntriesVerified, long? BrokenSequence, string? Reason, string? HeadHash = null)
{
    public bool IsIntact => BrokenSequence is null;
}
