using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Declarations;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>
/// Takes due entries, signs, envelopes and sends them, then marks the entry sent and its document sent to customs in one
/// transaction. A transport failure defers the entry with back-off (attempts are unlimited); a signing refusal fails it
/// for good until an administrator retries. A crash between send and mark sends the same envelope (same guid, same file
/// name) again when the lease runs out: customs deduplicates on the guid, so the effect is once.
/// </summary>
internal sealed partial class CustomsSender(
    Database database, IServiceScopeFactory scopes, ICustomsTransport transport, CustomsEnvelopes envelopes,
    IOptions<CustomsTransportOptions> options, TimeProvider time, ILogger<CustomsSender> logger)
{
    /// <summary>Random numbers for the jitter; replaceable so that tests can pin it.</summary>
    internal Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    /// <summary>Test seam: runs after the transport confirmed and before the entry is marked (a crash there must be harmless).</summary>
    internal Func<CustomsQueueEntry, Task>? AfterSend { get; set; }

    private bool _warnedNoSigner;

    /// <summary>Sends what is due now; returns how many entries were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ICustomsSigner>() is not { } signer)
        {
            if (!_warnedNoSigner)
            {
                LogNoSigner(logger);
                _warnedNoSigner = true;
            }

            return 0;
        }

        var sending = options.Value.Sending;
        await using var connection = await database.OpenAsync(ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var attempted = 0;
        foreach (var entry in await CustomsQueueStore.DueAsync(connection, now, sending.BatchSize, ct))
        {
            if (!await CustomsQueueStore.ClaimAsync(connection, entry.Id, now, now + (sending.LeaseSeconds * 1000L), ct))
            {
                continue;
            }

            attempted++;
            await SendOneAsync(connection, signer, entry, ct);
        }

        return attempted;
    }

    private async Task SendOneAsync(DbConnection connection, ICustomsSigner signer, CustomsQueueEntry entry, CancellationToken ct)
    {
        CustomsSignResult signed;
        try
        {
            signed = await signer.SignForCustomsAsync(entry.EnterpriseId, entry.Message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await DeferAsync(connection, entry, $"signing failed: {e.Message}", ct);
            return;
        }

        if (signed.Message is null)
        {
            var reason = $"{signed.ErrorCode ?? "sign"}: {signed.Error ?? "the signer refused the message"}";
            LogRefused(logger, entry.MessageGuid, reason);
            await CustomsQueueStore.FailAsync(connection, entry.Id, reason, ct);
            return;
        }

        if (envelopes.Wrap(entry.MessageType, entry.MessageGuid, signed.Message) is not { } envelope)
        {
            await CustomsQueueStore.FailAsync(connection, entry.Id, $"envelope: {entry.MessageType} is not a CEB 202205 message type", ct);
            return;
        }

        try
        {
            await transport.SendAsync(envelope, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await DeferAsync(connection, entry, $"transport: {e.Message}", ct);
            return;
        }

        if (AfterSend is { } afterSend)
        {
            await afterSend(entry);
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await CustomsQueueStore.MarkSentAsync(connection, transaction, entry.Id, now, ct);
        await DocumentStore.MarkSentToCustomsAsync(connection, transaction, entry.DocumentId, now, ct);
        await transaction.CommitAsync(ct);
        LogSent(logger, entry.MessageType, entry.MessageGuid);
    }

    private async Task DeferAsync(DbConnection connection, CustomsQueueEntry entry, string error, CancellationToken ct)
    {
        var delay = Backoff.Delay(options.Value.Sending, entry.Attempts + 1, Jitter());
        var next = time.GetUtcNow().Add(delay).ToUnixTimeMilliseconds();
        LogDeferred(logger, entry.MessageGuid, entry.Attempts + 1, delay, error);
        await CustomsQueueStore.DeferAsync(connection, entry.Id, next, error, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ICustomsSigner is registered: nothing is sent to customs, entries wait in the queue")]
    private static partial void LogNoSigner(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customs message {Guid} cannot be signed and waits for a retry: {Reason}")]
    private static partial void LogRefused(ILogger logger, string guid, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customs message {Guid} not sent (attempt {Attempt}); next try in {Delay}: {Error}")]
    private static partial void LogDeferred(ILogger logger, string guid, long attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Type} {Guid} to customs")]
    private static partial void LogSent(ILogger logger, string type, string guid);
}
