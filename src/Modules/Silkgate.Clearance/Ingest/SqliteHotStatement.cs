using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// A <see cref="HotStatement"/> on SQLite: a statement compiled on the connection's own handle, bound and stepped
/// through SQLitePCL directly. It runs in whatever transaction the connection has open. Kept statements are reset
/// after each use and finalized with their <see cref="HotStatements"/>; others are finalized after their one use.
/// </summary>
internal sealed class SqliteHotStatement : HotStatement, IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly HotSql _sql;
    private readonly bool _kept;
    private readonly int _parameters;
    private int _bound;

    public SqliteHotStatement(SqliteConnection connection, HotSql sql, bool kept)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        _sql = sql;
        _kept = kept;
        var rc = raw.sqlite3_prepare_v2(_db, sql.SqliteText, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        _parameters = raw.sqlite3_bind_parameter_count(_statement);
    }

    /// <summary>Its rows are being read: the statement cannot be bound again until they are disposed.</summary>
    public bool InUse { get; private set; }

    /// <summary>Binding starts again from <c>$1</c> (a use abandoned half-way leaves nothing behind).</summary>
    public SqliteHotStatement Restart()
    {
        _bound = 0;
        return this;
    }

    public override HotStatement Add(long value) => Bound(raw.sqlite3_bind_int64(_statement, Next(), value));

    public override HotStatement Add(long? value) => value is { } v ? Add(v) : Bound(raw.sqlite3_bind_null(_statement, Next()));

    public override HotStatement Add(string? value) => Bound(value is null ? raw.sqlite3_bind_null(_statement, Next()) : raw.sqlite3_bind_text(_statement, Next(), value));

    public override HotStatement Add(byte[]? value) =>
        Bound(value is null ? raw.sqlite3_bind_null(_statement, Next()) : raw.sqlite3_bind_blob(_statement, Next(), value.AsSpan()));

    public override ValueTask RunAsync(CancellationToken ct)
    {
        Step();
        return ValueTask.CompletedTask;
    }

    public override ValueTask<int> CountAsync(CancellationToken ct)
    {
        Step();
        return ValueTask.FromResult(raw.sqlite3_changes(_db));
    }

    public override ValueTask<HotRows> QueryAsync(CancellationToken ct)
    {
        Start();
        return ValueTask.FromResult<HotRows>(new Rows(this));
    }

    public override string ToString() => _sql.Text;

    public void Dispose() => _statement.Dispose();

    private void Step()
    {
        Start();
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
        finally
        {
            Finish();
        }
    }

    private int Next() => _bound < _parameters ? ++_bound : throw Unbalanced();

    private SqliteHotStatement Bound(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            _bound = 0;
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return this;
    }

    private void Start()
    {
        if (_bound != _parameters)
        {
            throw Unbalanced();
        }

        InUse = true;
    }

    private void Finish()
    {
        raw.sqlite3_reset(_statement);
        (_bound, InUse) = (0, false);
        if (!_kept)
        {
            _statement.Dispose();
        }
    }

    private InvalidOperationException Unbalanced()
    {
        var bound = _bound;
        _bound = 0;
        return new InvalidOperationException($"{bound} values bound to a statement of {_parameters} parameters: {_sql.Text}");
    }

    private sealed class Rows(SqliteHotStatement owner) : HotRows
    {
        private bool _done;

        public override ValueTask<bool> ReadAsync(CancellationToken ct)
        {
            if (_done)
            {
                return ValueTask.FromResult(false);
            }

            var rc = raw.sqlite3_step(owner._statement);
            if (rc == raw.SQLITE_ROW)
            {
                return ValueTask.FromResult(true);
            }

            _done = true;
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, owner._db);
            }

            return ValueTask.FromResult(false);
        }

        public override bool IsNull(int column) => raw.sqlite3_column_type(owner._statement, column) == raw.SQLITE_NULL;

        public override long Int64(int column) => raw.sqlite3_column_int64(owner._statement, column);

        public override string Text(int column) => raw.sqlite3_column_text(owner._statement, column).utf8_to_string();

        public override byte[] Blob(int column) => raw.sqlite3_column_blob(owner._statement, column).ToArray();

        public override ValueTask DisposeAsync()
        {
            // Rows left unread are dropped: an INSERT … RETURNING made all its changes at the first step.
            owner.Finish();
            return ValueTask.CompletedTask;
        }
    }
}
