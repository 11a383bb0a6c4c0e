using System.Data;
using System.Data.Common;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The writer's statements, created and prepared once per connection and reused for every message of every batch
/// (no ORM, no change tracking): per message at most one lookup and three inserts.
/// </summary>
internal sealed class BatchCommands : IAsyncDisposable
{
    /// <summary>Key of the PostgreSQL advisory lock that serializes writers of the evidence chain across processes.</summary>
    internal const long ChainLockKey = 0x5111_4a7e_0000_0c1e;

    private readonly DbCommand _lock;
    private readonly DbCommand _head;
    private readonly DbCommand _find;
    private readonly DbCommand _insertMessage;
    private readonly DbCommand _insertReceipt;
    private readonly DbCommand _insertOutbox;
    private readonly bool _postgres;
    private bool _prepared;

    private BatchCommands(DbConnection connection, SqlDialect dialect)
    {
        _postgres = dialect.IsPostgres;
        _lock = Command(connection, $"SELECT pg_advisory_xact_lock({ChainLockKey})");
        _head = Command(connection, "SELECT seq, chain_hash FROM clearance_messages ORDER BY seq DESC LIMIT 1");
        _find = Command(connection,
            "SELECT m.id, r.receipt_type, r.receipt_bytes FROM clearance_messages m JOIN clearance_receipts r ON r.message_id = m.id " +
            "WHERE m.sender_enterprise_id = @sender AND m.message_guid = @guid AND m.outcome = 'Answered' ORDER BY r.id LIMIT 1",
            ("sender", DbType.Int64), ("guid", DbType.String));
        _insertMessage = Command(connection,
            "INSERT INTO clearance_messages (seq, received_at, sender_enterprise_id, api_key_id, channel, message_guid, message_type, cop_msg_id, size_bytes, outcome, sha256, chain_hash, raw) " +
            "VALUES (@seq, @received_at, @sender, @api_key, @channel, @guid, @type, @cop_msg_id, @size, @outcome, @sha256, @chain, @raw) RETURNING id",
            ("seq", DbType.Int64), ("received_at", DbType.Int64), ("sender", DbType.Int64), ("api_key", DbType.Int64), ("channel", DbType.String),
            ("guid", DbType.String), ("type", DbType.String), ("cop_msg_id", DbType.String), ("size", DbType.Int64), ("outcome", DbType.String),
            ("sha256", DbType.String), ("chain", DbType.String), ("raw", DbType.Binary));
        _insertReceipt = Command(connection,
            "INSERT INTO clearance_receipts (enterprise_id, message_id, message_guid, receipt_type, created_at, receipt_bytes) VALUES (@enterprise, @message, @guid, @type, @at, @bytes)",
            ("enterprise", DbType.Int64), ("message", DbType.Int64), ("guid", DbType.String), ("type", DbType.String), ("at", DbType.Int64), ("bytes", DbType.Binary));
        _insertOutbox = Command(connection,
            "INSERT INTO clearance_outbox (type, payload, created_at) VALUES (@type, @payload, @at)",
            ("type", DbType.String), ("payload", DbType.String), ("at", DbType.Int64));
    }

    public static BatchCommands Create(DbConnection connection, SqlDialect dialect) => new(connection, dialect);

    /// <summary>Binds every statement to the batch transaction; on PostgreSQL takes the chain lock.</summary>
    public async Task BeginAsync(DbTransaction transaction, CancellationToken ct)
    {
        foreach (var c in new[] { _lock, _head, _find, _insertMessage, _insertReceipt, _insertOutbox })
        {
            c.Transaction = transaction;
        }

        if (!_prepared)
        {
            foreach (var c in new[] { _head, _find, _insertMessage, _insertReceipt, _insertOutbox })
            {
                foreach (DbParameter p in c.Parameters)
                {
                    p.Value = DBNull.Value;
                }

                await c.PrepareAsync(ct);
            }

            _prepared = true;
        }

        if (_postgres)
        {
            await _lock.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<(long Seq, byte[] Hash)> ReadHeadAsync(CancellationToken ct)
    {
        await using var reader = await _head.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt64(0), Convert.FromHexString(reader.GetString(1)))
            : (0, Evidence.EvidenceChain.Genesis);
    }

    public async Task<(long MessageId, StoredReceipt Receipt)?> FindAnswerAsync(long sender, string guid, CancellationToken ct)
    {
        Set(_find, sender, guid);
        await using var reader = await _find.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt64(0), new StoredReceipt(reader.GetString(1), (byte[])reader.GetValue(2)))
            : null;
    }

    public async Task<long> InsertMessageAsync(Evidence.EvidenceEntry e, string chainHex, byte[] raw, CancellationToken ct)
    {
        Set(_insertMessage, e.Seq, e.ReceivedAt, e.SenderEnterpriseId, e.ApiKeyId, e.Channel, e.MessageGuid, e.MessageType, e.CopMsgId,
            e.SizeBytes, e.Outcome, e.Sha256Hex, chainHex, raw);
        return Convert.ToInt64(await _insertMessage.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task InsertReceiptAsync(long enterpriseId, long messageId, string? guid, StoredReceipt receipt, long at, CancellationToken ct)
    {
        Set(_insertReceipt, enterpriseId, messageId, guid, receipt.Type, at, receipt.Bytes);
        await _insertReceipt.ExecuteNonQueryAsync(ct);
    }

    public async Task InsertOutboxAsync(string type, string payload, long at, CancellationToken ct)
    {
        Set(_insertOutbox, type, payload, at);
        await _insertOutbox.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in new[] { _lock, _head, _find, _insertMessage, _insertReceipt, _insertOutbox })
        {
            await c.DisposeAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are constants of this class; values travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, type) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.DbType = type;
            command.Parameters.Add(p);
        }

        return command;
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
