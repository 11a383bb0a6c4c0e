using System.Text.RegularExpressions;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The text of a statement the ingest writer runs once per document or more, with positional parameters
/// <c>$1 … $n</c> (PostgreSQL's spelling; SQLite reads them as <c>?1 … ?n</c>). Declared once, as a static field of the
/// store that runs it, so that the writer compiles it once per connection.
/// </summary>
internal sealed partial class HotSql(string text)
{
    public string Text { get; } = text;

    /// <summary><c>?n</c> binds to index n whatever the order in which the parameters first appear.</summary>
    public string SqliteText { get; } = Positional().Replace(text, "?$1");

    public override string ToString() => Text;

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Positional();
}

/// <summary>
/// A <see cref="HotSql"/> ready to run: values are bound by position, in the order of <c>$1 … $n</c>, and the statement
/// runs as soon as all are bound. Binding by name (Microsoft.Data.Sqlite), building a data reader and mapping rows
/// (Dapper) took the writer about as long as SQLite took to run its statements.
/// </summary>
internal abstract class HotStatement
{
    public abstract HotStatement Add(long value);

    public abstract HotStatement Add(long? value);

    public abstract HotStatement Add(string? value);

    public abstract HotStatement Add(byte[]? value);

    /// <summary>Runs the statement whose result nobody reads: on the PostgreSQL writer it is queued for the next round trip.</summary>
    public abstract ValueTask RunAsync(CancellationToken ct);

    /// <summary>Runs the statement now and returns how many rows it changed.</summary>
    public abstract ValueTask<int> CountAsync(CancellationToken ct);

    /// <summary>Runs the statement and returns its rows; dispose them before the next statement.</summary>
    public abstract ValueTask<HotRows> QueryAsync(CancellationToken ct);

    /// <summary>The first column of the first row (an id a <c>RETURNING</c> gives back).</summary>
    public async ValueTask<long> ScalarInt64Async(CancellationToken ct)
    {
        await using var rows = await QueryAsync(ct);
        return await rows.ReadAsync(ct) ? rows.Int64(0) : throw new InvalidOperationException("The statement returned no row: " + this);
    }
}

/// <summary>The rows of a <see cref="HotStatement"/>, read by column position.</summary>
internal abstract class HotRows : IAsyncDisposable
{
    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    public abstract bool IsNull(int column);

    public abstract long Int64(int column);

    public abstract string Text(int column);

    public abstract byte[] Blob(int column);

    public long? Int64OrNull(int column) => IsNull(column) ? null : Int64(column);

    public string? TextOrNull(int column) => IsNull(column) ? null : Text(column);

    public abstract ValueTask DisposeAsync();
}
