using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The writer's own statements and savepoints (no ORM, no change tracking): per batch the chain head and one idempotency
/// lookup for all its messages, per message the raw message and the receipt and outbox rows. They are
/// <see cref="HotStatement"/>s, like the processor's hot ones (<see cref="Hot"/>): on SQLite compiled once per connection,
/// on PostgreSQL sent through the <see cref="StatementPipeline"/>, where those whose result is not read are queued.
/// </summary>
internal sealed class BatchCommands : IAsyncDisposable
{
    /// <summary>Key of the PostgreSQL advisory lock that serializes writers of the evidence chain across processes.</summary>
    internal const long ChainLockKey = 0x5111_4a7e_0000_0c1e;

    private const string Savepoint = "ingest_message";

    private static readonly HotSql Lock = new($"SELECT pg_advisory_xact_lock({ChainLockKey})");
    private static readonly HotSql Head = new("SELECT seq, chain_hash FROM clearance_messages ORDER BY seq DESC LIMIT 1");

    private const string MessageColumns = "seq, received_at, sender_enterprise_id, api_key_id, channel, message_guid, message_type, cop_msg_id, size_bytes, outcome, " +
        "sha256, chain_hash, raw";

    private static readonly HotSql InsertMessage = new(
        $"INSERT INTO clearance_messages ({MessageColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id");

    // PostgreSQL: ids taken for the whole batch in one statement let each raw message's insert wait in the pipeline.
    private static readonly HotSql ReserveMessageIds = new("SELECT nextval(pg_get_serial_sequence('clearance_messages', 'id')) FROM generate_series(1, $1)");
    private static readonly HotSql InsertMessageWithId = new(
        $"INSERT INTO clearance_messages (id, {MessageColumns}) VALUES ($14, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");

    private static readonly HotSql InsertReceipt = new(
        "INSERT INTO clearance_receipts (enterprise_id, message_id, message_guid, receipt_type, created_at, receipt_bytes) VALUES ($1, $2, $3, $4, $5, $6)");

    private static readonly HotSql InsertOutbox = new("INSERT INTO clearance_outbox (type, payload, created_at) VALUES ($1, $2, $3)");

    private static readonly HotSql FindAnswersOnPostgres = new(
        "SELECT m.sender_enterprise_id, m.message_guid, m.id, r.receipt_type, r.receipt_bytes FROM jsonb_array_elements(CAST($1 AS jsonb)) AS k(v) " +
        "CROSS JOIN LATERAL (SELECT id, sender_enterprise_id, message_guid FROM clearance_messages WHERE sender_enterprise_id = (k.v ->> 0)::bigint " +
        "AND message_guid = k.v ->> 1 AND outcome = 'Answered' AND message_guid IS NOT NULL LIMIT 1) m " +
        "CROSS JOIN LATERAL (SELECT receipt_type, receipt_bytes FROM clearance_receipts WHERE message_id = m.id ORDER BY id LIMIT 1) r");

    private static readonly HotSql FindAnswersOnSqlite = new(
        "SELECT m.sender_enterprise_id, m.message_guid, m.id, r.receipt_type, r.receipt_bytes FROM json_each($1) AS k " +
        "JOIN clearance_messages m ON m.sender_enterprise_id = json_extract(k.value, '$[0]') AND m.message_guid = json_extract(k.value, '$[1]') " +
        "AND m.outcome = 'Answered' AND m.message_guid IS NOT NULL " +
        "JOIN clearance_receipts r ON r.id = (SELECT MIN(id) FROM clearance_receipts WHERE message_id = m.id)");

    private readonly StatementPipeline? _pipeline;
    private readonly bool _postgres;
    private readonly Queue<long> _messageIds = new();
    private long? _lastReservedId;
    private long? _reusableId;
    private long _savepointSentAfter;
    private DbTransaction? _transaction;

    private BatchCommands(DbConnection connection, SqlDialect dialect)
    {
        _postgres = dialect.IsPostgres;
        _pipeline = _postgres ? new StatementPipeline(connection) : null;
        Hot = HotStatements.ForWriter(connection, _pipeline);
    }

    /// <summary>
    /// The first receipt of each answered message among the batch's (sender, guid) pairs, given as one JSON array. On
    /// PostgreSQL each pair is a lateral lookup with a limit, so that the plan stays one index probe per pair: as a join,
    /// the generic plan made on a small table hashed the whole message table (41 ms per batch after 13,000 messages).
    /// </summary>
    internal static HotSql FindAnswersSql(bool postgres) => postgres ? FindAnswersOnPostgres : FindAnswersOnSqlite;

    public static BatchCommands Create(DbConnection connection, SqlDialect dialect) => new(connection, dialect);

    /// <summary>What the declaration processor runs its reads on (PostgreSQL: through the pipeline; SQLite: null, the caller's choice).</summary>
    public DbConnection? ProcessorReads => _pipeline?.Reads;

    /// <summary>What the declaration processor runs the statements on whose result it does not read.</summary>
    public DbConnection? ProcessorWrites => _pipeline?.Writes;

    /// <summary>The writer's statements bound by position: these and the processor's hot ones.</summary>
    public HotStatements Hot { get; }

    /// <summary>Binds the pipeline to the batch transaction; on PostgreSQL takes the chain lock.</summary>
    public async Task BeginAsync(DbTransaction transaction, CancellationToken ct)
    {
        _transaction = transaction;
        if (_pipeline is not null)
        {
            _pipeline.Transaction = transaction;
            await using var locked = await Hot.Get(Lock).QueryAsync(ct);
        }
    }

    public async Task<(long Seq, byte[] Hash)> ReadHeadAsync(CancellationToken ct)
    {
        await using var rows = await Hot.Get(Head).QueryAsync(ct);
        return await rows.ReadAsync(ct) ? (rows.Int64(0), Convert.FromHexString(rows.Text(1))) : (0, Evidence.EvidenceChain.Genesis);
    }

    /// <summary>The first answer to each of these (sender, guid) pairs that was answered before this batch, in one query.</summary>
    public async Task<Dictionary<(long Sender, string Guid), (long MessageId, StoredReceipt Receipt)>> FindAnswersAsync(IReadOnlyCollection<(long Sender, string Guid)> keys,
        CancellationToken ct)
    {
        var answers = new Dictionary<(long, string), (long, StoredReceipt)>();
        if (keys.Count == 0)
        {
            return answers;
        }

        var json = new ArrayBufferWriter<byte>(keys.Count * 48);
        using (var w = new Utf8JsonWriter(json))
        {
            w.WriteStartArray();
            foreach (var (sender, guid) in keys)
            {
                w.WriteStartArray();
                w.WriteNumberValue(sender);
                w.WriteStringValue(guid);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        await using var rows = await Hot.Get(FindAnswersSql(_postgres)).Add(System.Text.Encoding.UTF8.GetString(json.WrittenSpan)).QueryAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            answers.TryAdd((rows.Int64(0), rows.Text(1)), (rows.Int64(2), new StoredReceipt(rows.Text(3), rows.Blob(4))));
        }

        return answers;
    }

    /// <summary>Opens the message's savepoint; on PostgreSQL it is queued and goes with the raw message's insert.</summary>
    public async Task SavepointAsync(CancellationToken ct)
    {
        _lastReservedId = null;
        if (_pipeline is null)
        {
            await _transaction!.SaveAsync(Savepoint, ct);
        }
        else
        {
            _pipeline.Defer("SAVEPOINT " + Savepoint, CommandType.Text, []);
            _savepointSentAfter = _pipeline.RoundTrips;
        }
    }

    /// <summary>
    /// Ends the message: on PostgreSQL sends whatever it queued together with the release, so that an error of any of its
    /// statements is still caught inside its savepoint.
    /// </summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        if (_pipeline is null)
        {
            await _transaction!.ReleaseAsync(Savepoint, ct);
            return;
        }

        _pipeline.Defer("RELEASE SAVEPOINT " + Savepoint, CommandType.Text, []);
        await _pipeline.FlushAsync(ct);
    }

    /// <summary>Undoes the message: drops what it queued and rolls back to its savepoint.</summary>
    public async Task RollbackAsync(CancellationToken ct)
    {
        if (_pipeline is not null && _pipeline.RoundTrips == _savepointSentAfter)
        {
            // Nothing of the message reached the server, not even its savepoint: dropping the queue undoes it all.
            _pipeline.Discard();
            _pipeline.Defer("SAVEPOINT " + Savepoint, CommandType.Text, []);
        }
        else
        {
            _pipeline?.Discard();
            await _transaction!.RollbackAsync(Savepoint, ct);
        }

        // The message is stored again (as failed) under the same id, so that ids keep the order of the chain.
        (_reusableId, _lastReservedId) = (_lastReservedId, null);
    }

    /// <summary>After <see cref="RollbackAsync"/>, when nothing of the message is kept.</summary>
    public async Task ForgetSavepointAsync(CancellationToken ct)
    {
        if (_pipeline is not null)
        {
            // The savepoint may still be queued (see RollbackAsync): queue its release after it and send both.
            await ReleaseAsync(ct);
            return;
        }

        await _transaction!.ReleaseAsync(Savepoint, ct);
    }

    /// <summary>PostgreSQL: ids for the raw messages of this batch (the inserts then return nothing); elsewhere nothing.</summary>
    public async Task ReserveMessageIdsAsync(int count, CancellationToken ct)
    {
        _messageIds.Clear();
        (_lastReservedId, _reusableId) = (null, null);
        if (_pipeline is null || count == 0)
        {
            return;
        }

        await using var rows = await Hot.Get(ReserveMessageIds).Add((long)count).QueryAsync(ct);
        while (await rows.ReadAsync(ct))
        {
            _messageIds.Enqueue(rows.Int64(0));
        }
    }

    public async Task<long> InsertMessageAsync(Evidence.EvidenceEntry e, string chainHex, byte[] raw, CancellationToken ct)
    {
        if (_pipeline is not null && (_reusableId is { } id || _messageIds.TryDequeue(out id)))
        {
            (_lastReservedId, _reusableId) = (id, null);
            await Message(Hot.Get(InsertMessageWithId), e, chainHex, raw).Add(id).RunAsync(ct);
            return id;
        }

        _lastReservedId = null;
        return await Message(Hot.Get(InsertMessage), e, chainHex, raw).ScalarInt64Async(ct);
    }

    private static HotStatement Message(HotStatement s, Evidence.EvidenceEntry e, string chainHex, byte[] raw) =>
        s.Add(e.Seq).Add(e.ReceivedAt).Add(e.SenderEnterpriseId).Add(e.ApiKeyId).Add(e.Channel).Add(e.MessageGuid).Add(e.MessageType).Add(e.CopMsgId)
            .Add(e.SizeBytes).Add(e.Outcome).Add(e.Sha256Hex).Add(chainHex).Add(raw);

    public async Task InsertReceiptAsync(long enterpriseId, long messageId, string? guid, StoredReceipt receipt, long at, CancellationToken ct) =>
        await Hot.Get(InsertReceipt).Add(enterpriseId).Add(messageId).Add(guid).Add(receipt.Type).Add(at).Add(receipt.Bytes).RunAsync(ct);

    public async Task InsertOutboxAsync(string type, string payload, long at, CancellationToken ct) =>
        await Hot.Get(InsertOutbox).Add(type).Add(payload).Add(at).RunAsync(ct);

    /// <summary>Before the batch transaction is rolled back: drops what is queued and the ids reserved for it.</summary>
    public void Abandon()
    {
        _pipeline?.Discard();
        _messageIds.Clear();
        (_lastReservedId, _reusableId) = (null, null);
    }

    /// <summary>Before the commit: nothing may stay queued.</summary>
    public Task FlushAsync(CancellationToken ct) => _pipeline?.FlushAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _pipeline?.Discard();
        Hot.Dispose();
        return ValueTask.CompletedTask;
    }
}
