namespace Silkgate.Clearance.Ingest;

/// <summary>What the writer keeps while it writes one batch: the answers given so far and the head of the evidence chain.</summary>
internal sealed partial class BatchWriter
{
    /// <summary>
    /// Idempotency for one batch: the answers stored before it, found in one query, and those given in it so far (a
    /// message sent twice within one batch is answered once).
    /// </summary>
    private sealed class Replays(Dictionary<(long Sender, string Guid), (long MessageId, StoredReceipt Receipt)> stored)
    {
        private readonly Dictionary<(long, string), IngestAnswer> _given = [];

        public static HashSet<(long Sender, string Guid)> KeysOf(IReadOnlyList<PendingIngest> batch) =>
            batch.Where(p => p.Message.Guid is not null).Select(p => (p.Message.SenderEnterpriseId, p.Message.Guid!)).ToHashSet();

        public IngestAnswer? Find(IncomingMessage m)
        {
            if (m.Guid is null)
            {
                return null;
            }

            if (_given.TryGetValue((m.SenderEnterpriseId, m.Guid), out var given))
            {
                return given with { Replayed = true };
            }

            return stored.TryGetValue((m.SenderEnterpriseId, m.Guid), out var first) ? new IngestAnswer(first.Receipt, first.MessageId, Replayed: true) : null;
        }

        public void Remember(IncomingMessage m, IngestAnswer answer)
        {
            if (m.Guid is not null)
            {
                _given[(m.SenderEnterpriseId, m.Guid)] = answer;
            }
        }
    }

    /// <summary>The last entry of the evidence chain as the batch advances it.</summary>
    private sealed class ChainHead((long Seq, byte[] Hash) start)
    {
        public long Seq { get; private set; } = start.Seq;

        public byte[] Hash { get; private set; } = start.Hash;

        public (long, byte[]) Snapshot() => (Seq, Hash);

        public void Restore((long Seq, byte[] Hash) s) => (Seq, Hash) = s;

        public void Advance(long seq, byte[] hash) => (Seq, Hash) = (seq, hash);
    }
}
