using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Ingest;

/// <summary>Wakes the <see cref="WalCheckpointer"/> after an ingest commit, and tells the writer when the log should be rewound.</summary>
internal sealed class CheckpointSignal : WakeSignal
{
    private int _restartDue;

    /// <summary>Set by the checkpointer when the log has grown long; the writer rewinds it between two batches.</summary>
    public bool RestartDue
    {
        get => Volatile.Read(ref _restartDue) == 1;
        set => Volatile.Write(ref _restartDue, value ? 1 : 0);
    }
}

/// <summary>
/// SQLite only: copies the write-ahead log back into the database file on a connection of its own, beside the ingest
/// writer. The writer turns SQLite's automatic checkpoint off for its connection: that checkpoint runs inside the commit
/// that crosses 1,000 log pages and, measured, made up about 60 % of the writer's commit time (page copies and an
/// fsync of the database file on the one thread every sender waits for). A passive checkpoint here never blocks the
/// writer or a reader. It cannot rewind the log while the writer keeps appending, so when the log passes
/// <see cref="RestartFrames"/> it asks the writer for a RESTART between two batches
/// (<see cref="BatchWriter.CheckpointIfDueAsync"/>), which then finds little left to copy.
/// </summary>
internal sealed partial class WalCheckpointer(Database database, CheckpointSignal signal, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>Least time between two checkpoints: each one ends with an fsync of the database file.</summary>
    internal static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    /// <summary>Log length (4 KiB pages) at which the writer is asked to rewind it: 256 MiB, a few seconds of peak load.</summary>
    internal const long RestartFrames = 65536;

    /// <summary>A checkpoint also runs this often without a commit, so a log left by other writers is copied back too.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    /// <summary>
    /// On a thread of its own: SQLite's calls block (its async methods are synchronous), a checkpoint for up to about
    /// 100 ms with its fsync, and on two cores a blocked thread-pool thread starves the request threads (answers measured
    /// waiting seconds while the pool grew).
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        database.Dialect.IsPostgres
            ? Task.CompletedTask
            : Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        DbConnection? connection = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                signal.Wait(Idle, stoppingToken);
                try
                {
                    connection ??= database.OpenAsync(stoppingToken).AsTask().GetAwaiter().GetResult();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    using var result = checkpoint.ExecuteReader();
                    if (result.Read() && result.GetInt64(1) >= RestartFrames)
                    {
                        signal.RestartDue = true;
                    }
                }
                catch (DbException e)
                {
                    LogCheckpointFailed(logger, e);
                    connection?.Dispose();
                    connection = null;
                }

                stoppingToken.WaitHandle.WaitOne(Pause);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection?.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background WAL checkpoint failed; tried again after the next commit")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception e);
}
