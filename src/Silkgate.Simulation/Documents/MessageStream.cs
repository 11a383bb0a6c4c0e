using Silkgate.Ceb;
using Silkgate.Simulation.Randomness;

namespace Silkgate.Simulation.Documents;

/// <summary>
/// Orders planned documents by send time and turns them into messages: alone, or batched per (sender, type) up to
/// <see cref="TradeGeneratorOptions.EntitiesPerMessage"/> entities, a batch leaving when full or when its oldest
/// document has waited <see cref="TradeGeneratorOptions.BatchWindow"/>.
/// </summary>
internal sealed class MessageStream(TradeGeneratorOptions options)
{
    private readonly PriorityQueue<PlannedDocument, (DateTime Due, long Seq)> _queue = new();
    private readonly Dictionary<(string Sender, CebMessageType Type), Batch> _batches = [];
    private readonly MessageAssembler _assembler = new(options);
    private readonly Prng _guids = Prng.For(options.Seed, 0x6E1D);
    private readonly int _perMessage = Math.Clamp(options.EntitiesPerMessage, 1, 100);
    private long _seq;
    private DateTime _nextDeadline = DateTime.MaxValue;

    public void Add(PlannedDocument doc) => _queue.Enqueue(doc, (doc.Due, _seq++));

    /// <summary>Messages of every document due before <paramref name="until"/> (all when null).</summary>
    public IEnumerable<GeneratedMessage> Drain(DateTime? until)
    {
        while (_queue.TryPeek(out var doc, out var key) && (until is null || key.Due < until))
        {
            _queue.Dequeue();
            foreach (var m in FlushExpired(doc.Due))
            {
                yield return m;
            }
            if (doc.Standalone)
            {
                yield return _assembler.Assemble([doc], doc.MessageGuid!, doc.Due);
                continue;
            }
            if (_perMessage == 1)
            {
                yield return _assembler.Assemble([doc], _guids.Guid(), doc.Due);
                continue;
            }
            var k = (doc.Sender.Code, doc.Type);
            if (!_batches.TryGetValue(k, out var batch))
            {
                batch = new Batch(doc.Due + options.BatchWindow);
                _batches[k] = batch;
                if (batch.Deadline < _nextDeadline)
                {
                    _nextDeadline = batch.Deadline;
                }
            }
            batch.Docs.Add(doc);
            if (batch.Docs.Count >= _perMessage)
            {
                _batches.Remove(k);
                yield return _assembler.Assemble(batch.Docs, _guids.Guid(), doc.Due);
            }
        }
        if (until is null)
        {
            foreach (var m in FlushExpired(DateTime.MaxValue))
            {
                yield return m;
            }
        }
    }

    private IEnumerable<GeneratedMessage> FlushExpired(DateTime now)
    {
        if (_batches.Count == 0 || now < _nextDeadline)
        {
            yield break;
        }
        var expired = _batches.Where(b => b.Value.Deadline <= now).OrderBy(b => b.Value.Deadline).ThenBy(b => b.Value.Docs[0].Sale.Serial).ToList();
        _nextDeadline = _batches.Values.Where(b => b.Deadline > now).Select(b => b.Deadline).DefaultIfEmpty(DateTime.MaxValue).Min();
        foreach (var (k, batch) in expired)
        {
            _batches.Remove(k);
            yield return _assembler.Assemble(batch.Docs, _guids.Guid(), batch.Deadline);
        }
    }

    private sealed class Batch(DateTime deadline)
    {
        public DateTime Deadline { get; } = deadline;
        public List<PlannedDocument> Docs { get; } = [];
    }
}
