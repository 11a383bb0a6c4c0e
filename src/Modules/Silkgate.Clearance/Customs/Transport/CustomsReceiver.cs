using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Reading;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>
/// Takes customs' answers from the transport: unwraps the DXP envelope, reads the receipt with the CEB reader, stores
/// it and hands it to the <see cref="ICustomsReceiptSink"/> in one transaction, and only then removes it from the
/// transport. A redelivered answer finds its guid stored and is removed without a second effect. Bad input is rejected
/// (rejected folder or queue, with the reason) and never stops the loop.
/// </summary>
internal sealed partial class CustomsReceiver(
    Database database, IServiceScopeFactory scopes, ICustomsTransport transport, IOptions<CustomsTransportOptions> options,
    TimeProvider time, ILogger<CustomsReceiver> logger)
{
    private bool _warnedNoSink;

    /// <summary>Takes everything waiting; returns how many answers were settled. Stops at the first one whose effect could not be stored.</summary>
    public async Task<int> ReceiveWaitingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ICustomsReceiptSink>() is not { } sink)
        {
            if (!_warnedNoSink)
            {
                LogNoSink(logger);
                _warnedNoSink = true;
            }

            return 0;
        }

        var settled = 0;
        while (await transport.ReceiveAsync(ct) is { } envelope)
        {
            if (!await SettleAsync(sink, envelope, ct))
            {
                break;
            }

            settled++;
        }

        return settled;
    }

    private async Task<bool> SettleAsync(ICustomsReceiptSink sink, IncomingEnvelope envelope, CancellationToken ct)
    {
        var (receipt, message, refusal) = Read(envelope);
        if (refusal is not null)
        {
            LogRejected(logger, envelope.Name, refusal);
            await envelope.RejectAsync(refusal, ct);
            return true;
        }

        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            if (await CustomsReceiptStore.AddAsync(connection, transaction, receipt!, ct))
            {
                await sink.ApplyAsync(connection, transaction, message!.Message, message.Raw, receipt!.ReceivedAt, ct);
            }
            else
            {
                LogDuplicate(logger, envelope.Name, receipt!.ReceiptGuid);
            }

            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing committed: the answer stays with the transport and is taken again on a later round.
            LogNotStored(logger, e, envelope.Name);
            await envelope.AbandonAsync(CancellationToken.None);
            return false;
        }

        await envelope.CompleteAsync(ct);
        return true;
    }

    private (StoredCustomsReceipt? Receipt, ReadReceipt? Message, string? Refusal) Read(IncomingEnvelope envelope)
    {
        if (envelope.Refusal is { } refused)
        {
            return (null, null, refused);
        }

        var limits = new CebReaderOptions { MaxBytes = options.Value.Receiving.MaxEnvelopeBytes };
        var read = CebReader.Read(envelope.Bytes, limits);
        if (read.IsRefused)
        {
            return (null, null, $"envelope refused ({read.Failure}): {read.FailureDetail}");
        }

        if (read.Envelope is not { } dxp)
        {
            return (null, null, $"not a DXP envelope: the root is {read.MessageType?.RootName ?? "unknown"}");
        }

        if (!read.IsSchemaValid)
        {
            return (null, null, "envelope does not satisfy the DXP schema: " + Describe(read.Problems));
        }

        var payload = DxpWriter.ReadPayload(dxp, limits);
        if (payload.IsRefused || payload.Message is null)
        {
            return (null, null, $"payload refused ({payload.Failure}): {payload.FailureDetail}");
        }

        if (payload.Message.MessageType.Role == CebMessageRole.Declaration)
        {
            return (null, null, $"{payload.Message.MessageType.RootName} is a declaration, not an answer from customs");
        }

        if (!payload.IsSchemaValid)
        {
            return (null, null, $"{payload.Message.MessageType.RootName} does not satisfy the CEB schema: " + Describe(payload.Problems));
        }

        var raw = envelope.Bytes.ToArray();
        var guid = payload.Message.Guid is { Length: > 0 } g ? g : dxp.Message.TransInfo.CopMsgId;
        var receipt = new StoredCustomsReceipt(guid, payload.Message.MessageType.RootName, dxp.Message.TransInfo.CopMsgId, dxp.Message.TransInfo.SenderId,
            time.GetUtcNow().ToUnixTimeMilliseconds(), Convert.ToHexStringLower(SHA256.HashData(raw)), raw);
        return (receipt, new ReadReceipt(payload.Message, dxp.Message.Data), null);
    }

    private static string Describe(IReadOnlyList<CebProblem> problems) =>
        string.Join("; ", problems.Take(5).Select(p => p.ToString())) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : "");

    /// <summary>The receipt as read, and its bytes as customs signed them (the envelope's payload).</summary>
    private sealed record ReadReceipt(CebMessage Message, ReadOnlyMemory<byte> Raw);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ICustomsReceiptSink is registered: answers from customs stay with the transport")]
    private static partial void LogNoSink(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer {Name} from customs rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer {Name} from customs already taken (receipt {Guid}); removed without effect")]
    private static partial void LogDuplicate(ILogger logger, string name, string guid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer {Name} from customs could not be stored; it is taken again later")]
    private static partial void LogNotStored(ILogger logger, Exception e, string name);
}
