using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// SQLite only: makes the ingest writer's commits durable on a thread of its own (ADR 0018). The writer commits without
/// waiting for the disk (<c>synchronous=NORMAL</c> on its connection) and hands the batch's answers here; this thread
/// fsyncs the write-ahead log and only then releases them, while the writer already writes the next batch. One fsync
/// covers every commit made before it began, so batches that committed while a flush ran share the next one.
/// Anything else that lets committed ingest data leave the platform (the receipts feed, the outbox) first waits for
/// <see cref="FlushedAsync"/>. On PostgreSQL, or without a database file, nothing is deferred.
/// </summary>
internal sealed partial class WalFlusher : IDisposable
{
    private readonly string? _log;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<WalFlusher> _logger;
    private readonly object _gate = new();
    private List<Action<Exception?>> _waiting = [];
    private List<Action<Exception?>> _spare = [];
    private Thread? _thread;
    private bool _stopping;
    private Exception? _failed;

    public WalFlusher(Database database, IHostApplicationLifetime lifetime, ILogger<WalFlusher> logger)
    {
        _log = database.SqliteFile is { } file ? file + "-wal" : null;
        _lifetime = lifetime;
        _logger = logger;
        Flush = FlushLog;
    }

    /// <summary>True when the writer commits without its own fsync and releases answers through <see cref="AfterFlush"/>.</summary>
    public bool Defers => _log is not null;

    /// <summary>The fsync itself; replaceable so that tests can hold or fail it.</summary>
    internal Action Flush { get; set; }

    /// <summary>Calls <paramref name="release"/> (with null) after an fsync that began after this call, or with the error if the log cannot be flushed.</summary>
    public void AfterFlush(Action<Exception?> release)
    {
        lock (_gate)
        {
            if (_failed is null && !_stopping)
            {
                _waiting.Add(release);
                _thread ??= Start();
                Monitor.Pulse(_gate);
                return;
            }
        }

        release(_failed ?? new IngestUnavailableException("The gateway is shutting down; send the message again."));
    }

    /// <summary>Completes when everything committed before the call is on disk.</summary>
    public Task FlushedAsync(CancellationToken ct)
    {
        if (!Defers)
        {
            return Task.CompletedTask;
        }

        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        AfterFlush(e =>
        {
            if (e is null)
            {
                flushed.TrySetResult();
            }
            else
            {
                flushed.TrySetException(e);
            }
        });
        return flushed.Task.WaitAsync(ct);
    }

    /// <summary>Blocks until everything committed before the call is on disk and its answers are released (the writer, when it stops).</summary>
    public void Drain()
    {
        if (!Defers)
        {
            return;
        }

        using var done = new ManualResetEventSlim();
        AfterFlush(_ => done.Set());
        done.Wait();
    }

    private Thread Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "Silkgate WAL flush" };
        thread.Start();
        return thread;
    }

    private void Run()
    {
        while (true)
        {
            List<Action<Exception?>> now;
            lock (_gate)
            {
                while (_waiting.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_waiting.Count == 0)
                {
                    return;
                }

                (now, _waiting, _spare) = (_waiting, _spare, []);
            }

            Exception? failure = null;
            try
            {
                Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // After a failed fsync the kernel may have dropped the pages it could not write, and a later fsync would
                // succeed without them: nothing more is acknowledged by this process. A restart recovers from the disk.
                failure = new IngestUnavailableException("The message could not be made durable; send it again.", e);
                LogFlushFailed(_logger, e, _log);
                lock (_gate)
                {
                    _failed = failure;
                }

                _lifetime.StopApplication();
            }

            foreach (var release in now)
            {
                release(failure);
            }

            now.Clear();
            lock (_gate)
            {
                _spare = now;
            }
        }
    }

    /// <summary>
    /// fsync of the log through a handle of its own (Linux flushes a file's pages whichever descriptor wrote them). The
    /// file is opened each time: when it is missing, the last connection checkpointed it into the database file (with
    /// an fsync) and deleted it, so everything it held is already durable.
    /// </summary>
    private void FlushLog()
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(_log!, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        using (handle)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    /// <summary>Releases what waits (after a last flush) and ends the thread; later calls are answered "shutting down".</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            _stopping = true;
            thread = _thread;
            Monitor.Pulse(_gate);
        }

        thread?.Join();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "fsync of the write-ahead log {Path} failed: no answer is released any more and the server stops; restart it")]
    private static partial void LogFlushFailed(ILogger logger, Exception e, string? path);
}
