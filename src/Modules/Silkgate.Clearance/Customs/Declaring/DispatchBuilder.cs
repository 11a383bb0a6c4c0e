using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Silkgate.Ceb;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Declaring;

/// <summary>
/// Builds the business message that declares one document to customs from the evidence store. A message that held only
/// this entity goes as received (its inner message when it came in a DXP envelope), so the enterprise's own signature
/// still holds. Otherwise a one-entity message with the same BaseTransfer is built, unsigned: the signer signs it with the
/// enterprise's deposited key. Its guid is derived from the original message and the document, so a rebuild is the same.
/// </summary>
internal static class DispatchBuilder
{
    public static async Task<CustomsDispatch?> BuildAsync(DbConnection connection, DbTransaction transaction, long documentId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT d.id AS Id, d.document_guid AS DocumentGuid, d.sender_enterprise_id AS Sender, m.raw AS Raw FROM clearance_documents d " +
            "JOIN clearance_messages m ON m.id = d.message_id WHERE d.id = @documentId",
            new { documentId }, transaction, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        var (message, bytes) = Business(row.Raw);
        if (message is null)
        {
            return null;
        }

        var entities = MessageShape.Entities(message);
        if (entities.Count == 1)
        {
            return new CustomsDispatch(row.Id, row.Sender, message.MessageType.RootName, message.Guid, bytes);
        }

        var mine = entities.Cast<CebEntity>().Where(e => HeadGuid(e) == row.DocumentGuid).Take(1).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        MessageShape.ReplaceEntities(message, mine);
        // A message rebuilt from part of a signed one no longer matches its signature.
        message.GetType().GetProperty("Signature")?.SetValue(message, null);
        message.Guid = DerivedGuid(message.Guid, row.DocumentGuid);
        return new CustomsDispatch(row.Id, row.Sender, message.MessageType.RootName, message.Guid, CebWriter.ToBytes(message));
    }

    /// <summary>The business message and its bytes, unwrapping a DXP envelope.</summary>
    private static (CebMessage? Message, byte[] Bytes) Business(byte[] raw)
    {
        var read = CebReader.Read(raw);
        if (read.Envelope is { } envelope)
        {
            var inner = envelope.Message.Data.ToArray();
            return (CebReader.Read(inner).Message, inner);
        }

        return (read.Message, raw);
    }

    /// <summary>The guid of an entity or of its head (Inventory → InventoryHead).</summary>
    internal static string? HeadGuid(CebEntity entity)
    {
        if (entity.GetFieldText("guid") is { } g)
        {
            return g;
        }

        var head = entity.GetType().GetProperties().FirstOrDefault(p => p.Name.EndsWith("Head", StringComparison.Ordinal))?.GetValue(entity) as CebEntity;
        return head?.GetFieldText("guid");
    }

    private static string DerivedGuid(string messageGuid, string documentGuid)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"silkgate-dispatch-v1|{messageGuid}|{documentGuid}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D").ToUpperInvariant();
    }

    private sealed record Row(long Id, string DocumentGuid, long Sender, byte[] Raw);
}
