using System.Collections;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Silkgate.Clearance.Evidence;
using Silkgate.Clearance.Outbox;
using Silkgate.Clearance.Receipts;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// Writes one batch in ONE transaction (group commit): per message the idempotency lookup, the raw message with its
/// chain hash, the declaration processor, the receipt and the outbox rows. When one message fails, the batch is written
/// again with a savepoint per message, so that one failure does not poison the others. Answers are released only after
/// the commit is durable: on PostgreSQL at the commit, on SQLite after the <see cref="WalFlusher"/>'s next fsync.
/// </summary>
internal sealed partial class BatchWriter(Database database, IDeclarationProcessor processor, ReceiptFactory receipts, CheckpointSignal checkpoints,
    WalFlusher flusher, TimeProvider time, ILogger<BatchWriter> logger)
    : IAsyncDisposable
{
    /// <summary>How often the writer forces the SQLite WAL back to its start (see <see cref="CheckpointIfDueAsync"/>).</summary>
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(10);

    /// <summary>A batch or a log rewind taking longer than this is logged: every sender of the batch waited that long.</summary>
    internal static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(200);

    private DateTimeOffset _lastCheckpoint = DateTimeOffset.MinValue;
    private readonly BatchOutbox _outbox = new();
    private DbConnection? _connection;
    private DbConnection? _processorConnection;
    private BatchCommands? _commands;

    public async Task WriteAsync(IReadOnlyList<PendingIngest> batch, CancellationToken ct)
    {
        IngestAnswer[] answers;
        try
        {
            if (_connection is null)
            {
                _connection = await database.OpenAsync(ct);
                if (!database.Dialect.IsPostgres)
                {
                    // The WalCheckpointer copies the log back on its own connection, off the path every sender waits on.
                    // Statement journals (every write that may fail half-way keeps one until it ends) stay in memory
                    // instead of a temporary file, and a 64 MiB page cache keeps the indexes the writer probes: each
                    // saved about 10 % of the writer's time for 100-document messages. The commit does not wait for the disk
                    // when the flusher does that beside the writer (ADR 0018): 12 % more single-document messages.
                    await using var pragma = _connection.CreateCommand();
                    pragma.CommandText = "PRAGMA wal_autocheckpoint=0; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536" +
                        (flusher.Defers ? "; PRAGMA synchronous=NORMAL" : "");
                    await pragma.ExecuteNonQueryAsync(ct);
                }
            }

            _commands ??= BatchCommands.Create(_connection, database.Dialect);
            // SQLite compiles every command object anew; PostgreSQL keeps prepared statements itself (auto-prepare) and
            // gets the processor's statements through the writer's pipeline.
            _processorConnection ??= _commands.ProcessorReads ?? new StatementCache(_connection);
            answers = await WriteBatchAsync(batch, isolated: false, ct) ?? await WriteBatchAsync(batch, isolated: true, ct)
                ?? throw new InvalidOperationException("An isolated batch is never given up.");
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or OperationCanceledException)
        {
            LogBatchFailed(logger, e, batch.Count);
            await ResetAsync();
            foreach (var p in batch)
            {
                p.Completion.TrySetException(new IngestUnavailableException("The message could not be stored; send it again.", e));
            }

            return;
        }

        if (!flusher.Defers)
        {
            Release(batch, answers, null);
            return;
        }

        var committed = batch.ToArray();
        flusher.AfterFlush(e => Release(committed, answers, e));
    }

    private static void Release(IReadOnlyList<PendingIngest> batch, IngestAnswer[] answers, Exception? notDurable)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (notDurable is null)
            {
                batch[i].Completion.TrySetResult(answers[i]);
            }
            else
            {
                batch[i].Completion.TrySetException(notDurable);
            }
        }
    }

    /// <summary>
    /// One attempt at the batch in one transaction. Not isolated, the messages are written one after the other with
    /// nothing between them, and the first failure rolls everything back (null): a savepoint per message made SQLite
    /// copy every page a message touched into its statement journal, about a sixth of the writer's time for
    /// 100-document messages. Isolated (only after such a failure), each message has its own savepoint, so that the
    /// failing one is stored as failed and the others as usual.
    /// </summary>
    private async Task<IngestAnswer[]?> WriteBatchAsync(IReadOnlyList<PendingIngest> batch, bool isolated, CancellationToken ct)
    {
        var answers = new IngestAnswer[batch.Count];
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await _connection!.BeginTransactionAsync(ct);
        await _commands!.BeginAsync(transaction, ct);
        var head = new ChainHead(await _commands.ReadHeadAsync(ct));
        var replays = new Replays(await _commands.FindAnswersAsync(Replays.KeysOf(batch), ct));
        await _commands.ReserveMessageIdsAsync(batch.Count, ct);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var m = batch[i].Message;
                answers[i] = replays.Find(m) ?? (isolated
                    ? await WriteIsolatedAsync(m, transaction, head, replays, ct)
                    : await WriteTogetherAsync(m, transaction, head, replays, ct));
            }

            await _commands.FlushAsync(ct);
        }
        catch (Exception e) when (!isolated && e is not OperationCanceledException)
        {
            LogBatchIsolating(logger, e, batch.Count);
            _commands.Abandon();
            await transaction.RollbackAsync(ct);
            return null;
        }

        var written = Stopwatch.GetTimestamp();
        await transaction.CommitAsync(ct);
        if (Stopwatch.GetElapsedTime(started) is var took && took > Slow)
        {
            LogSlowBatch(logger, batch.Count, (long)took.TotalMilliseconds, (long)Stopwatch.GetElapsedTime(written).TotalMilliseconds);
        }

        return answers;
    }

    private async Task<IngestAnswer> WriteTogetherAsync(IncomingMessage m, DbTransaction transaction, ChainHead head, Replays replays, CancellationToken ct)
    {
        var answer = await StoreAsync(m, "Answered", m.Refusal, transaction, head, ct);
        replays.Remember(m, answer);
        return answer;
    }

    private async Task<IngestAnswer> WriteIsolatedAsync(IncomingMessage m, DbTransaction transaction, ChainHead head, Replays replays, CancellationToken ct)
    {
        var before = head.Snapshot();
        try
        {
            await _commands!.SavepointAsync(ct);
            var answer = await StoreAsync(m, "Answered", m.Refusal, transaction, head, ct);
            await _commands.ReleaseAsync(ct);
            replays.Remember(m, answer);
            return answer;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogMessageFailed(logger, e, m.Guid, m.MessageType);
            await _commands!.RollbackAsync(ct);
            head.Restore(before);
            var failure = receipts.Format(m.Guid, m.CopMsgId, m.MessageType, TransportCodes.System, "系统错误，请重发 (system error, send the message again)");
            try
            {
                var answer = await StoreAsync(m, "Failed", failure, transaction, head, ct);
                await _commands.ReleaseAsync(ct);
                return answer;
            }
            catch (DbException again)
            {
                LogMessageFailed(logger, again, m.Guid, m.MessageType);
                await _commands.RollbackAsync(ct);
                await _commands.ForgetSavepointAsync(ct);
                head.Restore(before);
                return new IngestAnswer(failure, 0, Replayed: false);
            }
        }
    }

    private async Task<IngestAnswer> StoreAsync(IncomingMessage m, string outcome, StoredReceipt? fixedReceipt, DbTransaction transaction, ChainHead head, CancellationToken ct)
    {
        var entry = new EvidenceEntry(head.Seq + 1, m.ReceivedAt, m.SenderEnterpriseId, m.ApiKeyId, m.Channel.ToString(), m.Guid, m.MessageType,
            m.CopMsgId, m.Bytes.LongLength, outcome, EvidenceChain.Hex(m.Sha256));
        var chain = EvidenceChain.Next(head.Hash, entry);
        var messageId = await _commands!.InsertMessageAsync(entry, EvidenceChain.Hex(chain), m.Bytes, ct);
        head.Advance(entry.Seq, chain);

        _outbox.Clear();
        var receipt = fixedReceipt;
        if (receipt is null)
        {
            var statuses = await ProcessAsync(m, messageId, transaction, ct);
            receipt = receipts.Complete(m.ReceiptDraft!, statuses);
            _outbox.Add(ClearanceEvents.MessageReceived, new MessageReceived(messageId, m.Guid, m.MessageType, m.SenderEnterpriseId, m.ReceivedAt,
                receipt.Type, statuses.Select(s => s.Status).ToArray()));
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await _commands.InsertReceiptAsync(m.SenderEnterpriseId, messageId, m.Guid, receipt, now, ct);
        foreach (var (type, payload) in _outbox.Events)
        {
            await _commands.InsertOutboxAsync(type, payload, now, ct);
        }

        return new IngestAnswer(receipt, messageId, Replayed: false);
    }

    /// <summary>Hands the entities that passed the business checks to the processor and merges its verdicts with the rejections.</summary>
    private async Task<(int Status, string Info)[]> ProcessAsync(IncomingMessage m, long messageId, DbTransaction transaction, CancellationToken ct)
    {
        var declaration = m.Declaration!;
        var all = MessageShape.Entities(declaration);
        var statuses = new (int Status, string Info)[all.Count];
        var kept = new List<int>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            if (i < m.Rejections.Count && m.Rejections[i] is { } r)
            {
                statuses[i] = (r.Status, r.Info);
            }
            else
            {
                statuses[i] = (1, "saved");
                kept.Add(i);
            }
        }

        if (kept.Count == 0)
        {
            return statuses;
        }

        var context = new IngestContext(_processorConnection!, transaction, _outbox, _commands!.ProcessorWrites, _commands.Hot)
        {
            Dispatches = kept.Select(i => i < m.Dispatches.Count ? m.Dispatches[i] : null).ToArray(),
            // Decoded by the gateway only when every entity is kept, so the indexes agree.
            Documents = kept.Count == all.Count ? m.Documents : null,
            MessageId = messageId,
            SenderEnterpriseId = m.SenderEnterpriseId,
            SenderZoneCode = m.SenderZoneCode,
            ReceivedAt = m.ReceivedAt,
        };
        var filtered = kept.Count < all.Count;
        if (filtered)
        {
            MessageShape.ReplaceEntities(declaration, kept.Select(i => all[i]!));
        }

        IReadOnlyList<EntityOutcome> outcomes;
        try
        {
            outcomes = await processor.ProcessAsync(context, declaration, ct);
        }
        finally
        {
            if (filtered)
            {
                MessageShape.RestoreEntities(declaration, (IList)all);
            }
        }

        foreach (var o in outcomes)
        {
            if (o.EntityIndex >= 0 && o.EntityIndex < kept.Count)
            {
                statuses[kept[o.EntityIndex]] = (o.ReturnStatus, o.ReturnInfo);
            }
        }

        return statuses;
    }

    /// <summary>
    /// SQLite only, between batches: a RESTART checkpoint when the <see cref="WalCheckpointer"/> finds the log long, and
    /// every few seconds anyway. Passive checkpoints can never rewind the WAL while the writer keeps appending and some
    /// reader is always active (sender checks, API keys, outbox, portal): under sustained load the WAL then grows without
    /// bound (590 MB after 17 minutes of a soak) and every read gets slower. RESTART copies what is left of the log back
    /// and waits (busy timeout) for the readers of older snapshots, so the log restarts small.
    /// </summary>
    public async Task CheckpointIfDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (database.Dialect.IsPostgres || _connection is null || (now - _lastCheckpoint < CheckpointInterval && !checkpoints.RestartDue))
        {
            return;
        }

        _lastCheckpoint = now;
        checkpoints.RestartDue = false;
        try
        {
            var started = Stopwatch.GetTimestamp();
            await using var checkpoint = _connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(RESTART)";
            await checkpoint.ExecuteNonQueryAsync(ct);
            if (Stopwatch.GetElapsedTime(started) is var took && took > Slow)
            {
                LogSlowCheckpoint(logger, (long)took.TotalMilliseconds);
            }
        }
        catch (DbException e)
        {
            LogCheckpointFailed(logger, e);
        }
    }

    private async Task ResetAsync()
    {
        if (_commands is not null)
        {
            await _commands.DisposeAsync();
            _commands = null;
        }

        if (_processorConnection is StatementCache cache)
        {
            await cache.DisposeAsync();
        }

        _processorConnection = null;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public async ValueTask DisposeAsync() => await ResetAsync();

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest batch of {Count} messages failed and was rolled back; every sender gets 503")]
    private static partial void LogBatchFailed(ILogger logger, Exception e, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow ingest batch: {Count} messages in {Milliseconds} ms, of which the commit {CommitMilliseconds} ms")]
    private static partial void LogSlowBatch(ILogger logger, int count, long milliseconds, long commitMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow WAL rewind of the ingest writer: {Milliseconds} ms between two batches")]
    private static partial void LogSlowCheckpoint(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint of the ingest writer failed; retried later")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message of an ingest batch of {Count} failed; the batch is written again with each message on its own")]
    private static partial void LogBatchIsolating(ILogger logger, Exception e, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {Guid} ({Type}) failed inside its batch; answered with system error 3001")]
    private static partial void LogMessageFailed(ILogger logger, Exception e, string? guid, string type);
}
