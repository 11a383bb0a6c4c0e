using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Silkgate.Ceb.Reading;
using Silkgate.Sandbox.Customs;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Exchange;

/// <summary>
/// One pass of the customs side: answers left in the outbox, every complete input file, then every due timer. An input
/// is retired only after its state and answers are committed and the answers written; its guid is remembered, so the
/// same message again changes nothing.
/// </summary>
internal sealed partial class SandboxEngine(SandboxOptions options, ExchangeFolders folders, SandboxStore store, TimeProvider time, ILogger<SandboxEngine> logger)
{
    private readonly Lock _gate = new();

    public ExchangeFolders Folders => folders;

    /// <summary>Runs one pass and returns the number of answers written.</summary>
    public int RunOnce(CancellationToken ct)
    {
        lock (_gate)
        {
            int written = FlushOutbox();
            foreach (var input in folders.PendingInputs())
            {
                ct.ThrowIfCancellationRequested();
                ProcessInput(input);
                written += FlushOutbox();
            }
            foreach (var timer in store.DueTimers(time.GetUtcNow().ToUnixTimeMilliseconds()))
            {
                ct.ThrowIfCancellationRequested();
                FireTimer(timer);
            }
            return written + FlushOutbox();
        }
    }

    private void ProcessInput(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return; // being replaced by its writer: the next pass takes it
        }
        var name = Path.GetFileName(path);
        var file = CebReader.Read(bytes);
        var trans = file.Envelope?.Message.TransInfo;
        var key = string.IsNullOrEmpty(trans?.CopMsgId) ? "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)) : trans.CopMsgId;
        var platform = string.IsNullOrEmpty(trans?.SenderId) ? options.PlatformDxpId : trans.SenderId;
        IReadOnlyList<string> notes;
        try
        {
            notes = store.InTransaction(unit =>
            {
                if (unit.WasProcessed(key))
                {
                    return (IReadOnlyList<string>)["duplicate, already answered"];
                }
                var ctx = new CustomsContext(unit, options, time.GetUtcNow(), platform);
                CustomsDesk.Handle(ctx, file);
                unit.MarkProcessed(key, trans?.MsgType ?? "Unknown", name, ctx.NowMs);
                return ctx.Notes;
            });
        }
        catch (Exception e) when (e is not (OperationCanceledException or IOException or Microsoft.Data.Sqlite.SqliteException))
        {
            // Customs' "system error" (3001): nothing of the message was kept, so the platform may send it again.
            LogFailed(logger, e, name);
            notes = store.InTransaction(unit =>
            {
                var ctx = new CustomsContext(unit, options, time.GetUtcNow(), platform);
                CustomsDesk.SystemError(ctx, file, e.Message);
                return ctx.Notes;
            });
        }
        FlushOutbox();
        folders.Retire(path);
        foreach (var note in notes)
        {
            LogAnswered(logger, name, note);
        }
    }

    private void FireTimer(long timerId)
    {
        var notes = store.InTransaction(unit =>
        {
            if (unit.TakeTimer(timerId) is not { } timer || unit.GetList(timer.ListId) is not { } list)
            {
                return (IReadOnlyList<string>)[];
            }
            var ctx = new CustomsContext(unit, options, time.GetUtcNow(), list.PlatformDxp);
            ListProgress.Fire(ctx, list, timer.Step, timer.DueMs);
            return ctx.Notes;
        });
        foreach (var note in notes)
        {
            LogProgressed(logger, note);
        }
    }

    private int FlushOutbox()
    {
        var due = store.DueOutbox(time.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var entry in due)
        {
            folders.WriteAnswer(entry.File, entry.Content);
            store.DeleteOutbox(entry.Id);
        }
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{File} → {Answer}")]
    private static partial void LogAnswered(ILogger logger, string file, string answer);

    [LoggerMessage(Level = LogLevel.Information, Message = "timer → {Answer}")]
    private static partial void LogProgressed(ILogger logger, string answer);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} could not be processed; answered with -3001")]
    private static partial void LogFailed(ILogger logger, Exception exception, string file);
}
