using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The writer's own statements, created once per connection and reused for every message of every batch (no ORM, no
/// change tracking): per batch the chain head and one idempotency lookup for all its messages, per message the raw
/// message and the receipt and outbox rows. On SQLite they are prepared statements of the writer's connection;
/// on PostgreSQL they run through the <see cref="StatementPipeline"/>, and those whose result is not read are queued.
/// </summary>
internal sealed class BatchCommands : IAsyncDisposable
{
    /// <summary>Key of the PostgreSQL advisory lock that serializes writers of the evidence chain across processes.</summary>
    internal const long ChainLockKey = 0x5111_4a7e_0000_0c1e;

    private const string Savepoint = "ingest_message";

    private readonly DbConnection _connection;
    private readonly StatementPipeline? _pipeline;
    private readonly Statement _lock;
    private readonly Statement _head;
    private readonly Statement _findAnswers;
    private readonly Statement _insertMessage;
    private readonly Statement? _reserveMessageIds;
    private readonly Statement? _insertMessageWithId;
    private readonly Queue<long> _messageIds = new();
    private long? _lastReservedId;
    private long? _reusableId;
    private long _savepointSentAfter;
    private readonly Statement _insertReceipt;
    private readonly Statement _insertOutbox;
    private DbTransaction? _transaction;
    private bool _prepared;

    private BatchCommands(DbConnection connection, SqlDialect dialect)
    {
        _connection = connection;
        _pipeline = dialect.IsPostgres ? new StatementPipeline(connection) : null;
        var reads = _pipeline?.Reads ?? connection;
        var writes = _pipeline?.Writes ?? connection;
        _lock = new Statement(reads, $"SELECT pg_advisory_xact_lock({ChainLockKey})");
        _head = new Statement(reads, "SELECT seq, chain_hash FROM clearance_messages ORDER BY seq DESC LIMIT 1");

        _findAnswers = new Statement(reads, FindAnswersSql(dialect.IsPostgres), ("keys", DbType.String));
        _insertMessage = new Statement(reads,
            "INSERT INTO clearance_messages (seq, received_at, sender_enterprise_id, api_key_id, channel, message_guid, message_type, cop_msg_id, size_bytes, outcome, sha256, chain_hash, raw) " +
            "VALUES (@seq, @received_at, @sender, @api_key, @channel, @guid, @type, @cop_msg_id, @size, @outcome, @sha256, @chain, @raw) RETURNING id",
            ("seq", DbType.Int64), ("received_at", DbType.Int64), ("sender", DbType.Int64), ("api_key", DbType.Int64), ("channel", DbType.String),
            ("guid", DbType.String), ("type", DbType.String), ("cop_msg_id", DbType.String), ("size", DbType.Int64), ("outcome", DbType.String),
            ("sha256", DbType.String), ("chain", DbType.String), ("raw", DbType.Binary));
        if (_pipeline is not null)
        {
            // Ids taken for the whole batch in one statement let each raw message's insert wait in the pipeline.
            _reserveMessageIds = new Statement(reads, "SELECT nextval(pg_get_serial_sequence('clearance_messages', 'id')) FROM generate_series(1, @count)",
                ("count", DbType.Int64));
            _insertMessageWithId = new Statement(writes, _insertMessage.Command.CommandText.Replace("(seq, ", "(id, seq, ", StringComparison.Ordinal)
                    .Replace("(@seq, ", "(@id, @seq, ", StringComparison.Ordinal).Replace(" RETURNING id", "", StringComparison.Ordinal),
                [("id", DbType.Int64), .. _insertMessage.Parameters]);
        }

        _insertReceipt = new Statement(writes,
            "INSERT INTO clearance_receipts (enterprise_id, message_id, message_guid, receipt_type, created_at, receipt_bytes) VALUES (@enterprise, @message, @guid, @type, @at, @bytes)",
            ("enterprise", DbType.Int64), ("message", DbType.Int64), ("guid", DbType.String), ("type", DbType.String), ("at", DbType.Int64), ("bytes", DbType.Binary));
        _insertOutbox = new Statement(writes,
            "INSERT INTO clearance_outbox (type, payload, created_at) VALUES (@type, @payload, @at)",
            ("type", DbType.String), ("payload", DbType.String), ("at", DbType.Int64));
    }

    /// <summary>
    /// The first receipt of each answered message among the batch's (sender, guid) pairs, given as one JSON array. On
    /// PostgreSQL each pair is a lateral lookup with a limit, so that the plan stays one index probe per pair: as a join,
    /// the generic plan made on a small table hashed the whole message table (41 ms per batch after 13,000 messages).
    /// </summary>
    internal static string FindAnswersSql(bool postgres) => postgres
        ? "SELECT m.sender_enterprise_id, m.message_guid, m.id, r.receipt_type, r.receipt_bytes FROM jsonb_array_elements(CAST(@keys AS jsonb)) AS k(v) " +
          "CROSS JOIN LATERAL (SELECT id, sender_enterprise_id, message_guid FROM clearance_messages WHERE sender_enterprise_id = (k.v ->> 0)::bigint " +
          "AND message_guid = k.v ->> 1 AND outcome = 'Answered' AND message_guid IS NOT NULL LIMIT 1) m " +
          "CROSS JOIN LATERAL (SELECT receipt_type, receipt_bytes FROM clearance_receipts WHERE message_id = m.id ORDER BY id LIMIT 1) r"
        : "SELECT m.sender_enterprise_id, m.message_guid, m.id, r.receipt_type, r.receipt_bytes FROM json_each(@keys) AS k " +
          "JOIN clearance_messages m ON m.sender_enterprise_id = json_extract(k.value, '$[0]') AND m.message_guid = json_extract(k.value, '$[1]') " +
          "AND m.outcome = 'Answered' AND m.message_guid IS NOT NULL " +
          "JOIN clearance_receipts r ON r.id = (SELECT MIN(id) FROM clearance_receipts WHERE message_id = m.id)";

    public static BatchCommands Create(DbConnection connection, SqlDialect dialect) => new(connection, dialect);

    /// <summary>What the declaration processor runs its reads on (PostgreSQL: through the pipeline; SQLite: null, the caller's choice).</summary>
    public DbConnection? ProcessorReads => _pipeline?.Reads;

    /// <summary>What the declaration processor runs the statements on whose result it does not read.</summary>
    public DbConnection? ProcessorWrites => _pipeline?.Writes;

    /// <summary>PostgreSQL: the pipeline the writer's statements travel through; SQLite: null.</summary>
    public StatementPipeline? Pipeline => _pipeline;

    private IEnumerable<Statement> All => new[] { _lock, _head, _findAnswers, _insertMessage, _insertReceipt, _insertOutbox, _reserveMessageIds, _insertMessageWithId }
        .OfType<Statement>();

    /// <summary>Binds every statement to the batch transaction; on PostgreSQL takes the chain lock.</summary>
    public async Task BeginAsync(DbTransaction transaction, CancellationToken ct)
    {
        _transaction = transaction;
        if (_pipeline is not null)
        {
            _pipeline.Transaction = transaction;
        }

        foreach (var s in All)
        {
            s.Command.Transaction = transaction;
        }

        if (!_prepared && _pipeline is null)
        {
            foreach (var s in All.Skip(1))
            {
                s.Bind(new object?[s.Parameters.Length]);
                await s.Command.PrepareAsync(ct);
            }

            _prepared = true;
        }

        if (_pipeline is not null)
        {
            await _lock.Command.ExecuteScalarAsync(ct);
        }
    }

    public async Task<(long Seq, byte[] Hash)> ReadHeadAsync(CancellationToken ct)
    {
        await using var reader = await _head.Command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt64(0), Convert.FromHexString(reader.GetString(1)))
            : (0, Evidence.EvidenceChain.Genesis);
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

        _findAnswers.Bind(System.Text.Encoding.UTF8.GetString(json.WrittenSpan));
        await using var reader = await _findAnswers.Command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            answers.TryAdd((reader.GetInt64(0), reader.GetString(1)), (reader.GetInt64(2), new StoredReceipt(reader.GetString(3), (byte[])reader.GetValue(4))));
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
        if (_reserveMessageIds is null || count == 0)
        {
            return;
        }

        _reserveMessageIds.Bind((long)count);
        await using var reader = await _reserveMessageIds.Command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            _messageIds.Enqueue(reader.GetInt64(0));
        }
    }

    public async Task<long> InsertMessageAsync(Evidence.EvidenceEntry e, string chainHex, byte[] raw, CancellationToken ct)
    {
        if (_insertMessageWithId is not null && (_reusableId is { } id || _messageIds.TryDequeue(out id)))
        {
            (_lastReservedId, _reusableId) = (id, null);
            _insertMessageWithId.Bind(id, e.Seq, e.ReceivedAt, e.SenderEnterpriseId, e.ApiKeyId, e.Channel, e.MessageGuid, e.MessageType, e.CopMsgId,
                e.SizeBytes, e.Outcome, e.Sha256Hex, chainHex, raw);
            await _insertMessageWithId.Command.ExecuteNonQueryAsync(ct);
            return id;
        }

        _lastReservedId = null;
        _insertMessage.Bind(e.Seq, e.ReceivedAt, e.SenderEnterpriseId, e.ApiKeyId, e.Channel, e.MessageGuid, e.MessageType, e.CopMsgId,
            e.SizeBytes, e.Outcome, e.Sha256Hex, chainHex, raw);
        return Convert.ToInt64(await _insertMessage.Command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task InsertReceiptAsync(long enterpriseId, long messageId, string? guid, StoredReceipt receipt, long at, CancellationToken ct)
    {
        _insertReceipt.Bind(enterpriseId, messageId, guid, receipt.Type, at, receipt.Bytes);
        await _insertReceipt.Command.ExecuteNonQueryAsync(ct);
    }

    public async Task InsertOutboxAsync(string type, string payload, long at, CancellationToken ct)
    {
        _insertOutbox.Bind(type, payload, at);
        await _insertOutbox.Command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Before the batch transaction is rolled back: drops what is queued and the ids reserved for it.</summary>
    public void Abandon()
    {
        _pipeline?.Discard();
        _messageIds.Clear();
        (_lastReservedId, _reusableId) = (null, null);
    }

    /// <summary>Before the commit: nothing may stay queued.</summary>
    public Task FlushAsync(CancellationToken ct) => _pipeline?.FlushAsync(ct) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var s in All)
        {
            await s.Command.DisposeAsync();
        }

        _pipeline?.Discard();
    }

    /// <summary>One statement and its parameters. A pipelined command hands its parameters on when it runs, so they are made anew then.</summary>
    private sealed class Statement
    {
        public Statement(DbConnection connection, string sql, params (string Name, DbType Type)[] parameters)
        {
            Command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are constants of this class; values travel as parameters.
            Command.CommandText = sql;
#pragma warning restore CA2100
            Parameters = parameters;
        }

        public DbCommand Command { get; }

        public (string Name, DbType Type)[] Parameters { get; }

        public void Bind(params object?[] values)
        {
            if (Command.Parameters.Count != Parameters.Length)
            {
                Command.Parameters.Clear();
                foreach (var (name, type) in Parameters)
                {
                    var p = Command.CreateParameter();
                    p.ParameterName = name;
                    p.DbType = type;
                    Command.Parameters.Add(p);
                }
            }

            for (var i = 0; i < values.Length; i++)
            {
                Command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
        }
    }
}
