using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// A command of a <see cref="WriterConnection"/>: collects its text and parameters on a scratch command of the real
/// connection, like any command; the derived class decides what executing it means.
/// </summary>
internal abstract class WriterCommand(DbConnection owner, DbCommand scratch) : DbCommand
{
    private DbTransaction? _transaction;

    protected DbCommand Scratch { get; } = scratch;

    [AllowNull]
    public override string CommandText { get => Scratch.CommandText; set => Scratch.CommandText = value; }

    public override int CommandTimeout { get => Scratch.CommandTimeout; set => Scratch.CommandTimeout = value; }

    public override CommandType CommandType { get => Scratch.CommandType; set => Scratch.CommandType = value; }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection { get => owner; set => throw new NotSupportedException(); }

    protected override DbParameterCollection DbParameterCollection => Scratch.Parameters;

    protected override DbTransaction? DbTransaction { get => _transaction; set => _transaction = value; }

    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => Scratch.CreateParameter();

    /// <summary>Takes the collected parameters off the scratch command, for the one that really runs.</summary>
    protected DbParameter[] TakeParameters()
    {
        var parameters = new DbParameter[Scratch.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = Scratch.Parameters[i];
        }

        Scratch.Parameters.Clear();
        return parameters;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Scratch.Dispose();
        }

        base.Dispose(disposing);
    }
}
