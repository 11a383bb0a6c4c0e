using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Silkgate.Ceb;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Ingest;
using Silkgate.Kernel.Data;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>
/// Applies customs' receipts (304 … 712) and notices (792, 816, 818) to the documents they concern, inside the receiver's
/// transaction. Idempotent: a redelivered receipt finds its history row and does nothing again. Relay rows join the
/// receipts feed under the same lock as the ingest writer, so feed cursors still commit in order.
/// </summary>
internal sealed partial class CustomsReceiptSink(Database database, ReceiptApplier applier, TaxBills taxBills, SummaryResults summaries,
    ILogger<CustomsReceiptSink> logger) : ICustomsReceiptSink
{
    public async Task ApplyAsync(DbConnection connection, DbTransaction transaction, CebMessage receipt, ReadOnlyMemory<byte> raw, long receivedAt, CancellationToken ct)
    {
        if (database.Dialect.IsPostgres)
        {
            await connection.ExecuteAsync(new CommandDefinition($"SELECT pg_advisory_xact_lock({BatchCommands.ChainLockKey})", transaction: transaction, cancellationToken: ct));
        }

        var outbox = new SinkOutbox();
        var c = new IngestContext(connection, transaction, outbox) { ReceivedAt = receivedAt };
        switch (receipt)
        {
            case Im.Ceb816Message m:
                await taxBills.ApplyBillsAsync(c, m, raw, ct);
                break;
            case Im.Ceb818Message m:
                await taxBills.ApplyStatusesAsync(c, m, raw, ct);
                break;
            case Ex.Ceb792Message m:
                await summaries.ApplyAsync(c, m, raw, ct);
                break;
            default:
                await ApplyReturnsAsync(c, receipt, raw, ct);
                break;
        }

        await outbox.FlushAsync(c, receivedAt, ct);
    }

    private async Task ApplyReturnsAsync(IngestContext c, CebMessage receipt, ReadOnlyMemory<byte> raw, CancellationToken ct)
    {
        var type = receipt.MessageType;
        if (type.Role != CebMessageRole.Receipt || type.Kind == CebDocumentKind.FormatCheck)
        {
            LogIgnored(logger, type.RootName);
            return;
        }

        var entities = MessageShape.Entities(receipt);
        foreach (CebEntity entity in entities)
        {
            if (await ReceiptTargets.FindAsync(c, type, entity, ct) is not { } doc)
            {
                LogUnknown(logger, type.RootName, entity.GetFieldText("guid"));
                continue;
            }

            var bytes = entities.Count == 1 ? raw.ToArray() : Alone(receipt, entity);
            var facts = new ReceiptFacts(type.RootName, entity.GetFieldText("returnStatus") ?? "", entity.GetFieldText("returnTime") ?? "",
                entity.GetFieldText("returnInfo") ?? "", bytes, entity.GetFieldText("invtNo"), entity.GetFieldText("preNo"),
                entity.GetFieldText("sumNo") ?? entity.GetFieldText("rkdNo"));
            if (!await applier.ApplyAsync(c, doc, facts, ct))
            {
                LogDuplicate(logger, type.RootName, doc.Id, facts.ReturnStatus);
            }
        }
    }

    /// <summary>A receipt message holding only one of the entities, so an enterprise sees only what concerns it.</summary>
    internal static byte[] Alone(CebMessage receipt, object entity)
    {
        var copy = (CebMessage)Activator.CreateInstance(receipt.GetType())!;
        copy.Guid = receipt.Guid;
        MessageShape.ReplaceEntities(copy, [entity]);
        return CebWriter.ToBytes(copy);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customs message {Type} is not a receipt the platform applies; ignored")]
    private static partial void LogIgnored(ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customs receipt {Type} for guid {Guid} concerns no known document; ignored")]
    private static partial void LogUnknown(ILogger logger, string type, string? guid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customs receipt {Type} status {Status} for document {DocumentId} was applied before; ignored")]
    private static partial void LogDuplicate(ILogger logger, string type, long documentId, string status);
}
