using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Silkgate.Ceb;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Declaring;

/// <summary>
/// What goes to customs for one document: the root name, guid and bytes of a one-entity business message. No bytes
/// (<see cref="IsAsReceived"/>): the message as received and stored, which the dispatch refers to instead of copying.
/// </summary>
internal sealed record PreparedDispatch(string MessageType, string MessageGuid, byte[]? Message)
{
    public bool IsAsReceived => Message is null;
}

/// <summary>
/// Builds the business message that declares one document to customs. A message that held only this entity goes as
/// received (its inner message when it came in a DXP envelope), so the enterprise's own signature still holds. Otherwise
/// a one-entity message with the same BaseTransfer is built, unsigned: the signer signs it with the enterprise's deposited
/// key. Its guid is derived from the original message and the document, so a rebuild is the same.
/// The messages are built when the document arrives, on the receiving thread (<see cref="Prepare"/>), and kept with a
/// declared document until its sale is ready: the single writer must not read a stored message again for each of its
/// documents (a 100-document message is parsed 100 times otherwise).
/// </summary>
internal static class DispatchBuilder
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> HeadProperty = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> SignatureProperty = new();

    /// <summary>
    /// One dispatch per entity of the message (null where <paramref name="skip"/> says the entity will not be stored).
    /// <paramref name="enveloped"/>: the message came in a DXP envelope, so the bytes stored are not the business message.
    /// </summary>
    public static PreparedDispatch?[] Prepare(CebMessage message, ReadOnlyMemory<byte> payload, bool enveloped, Func<int, bool> skip)
    {
        var entities = MessageShape.Entities(message);
        var result = new PreparedDispatch?[entities.Count];
        var type = message.MessageType.RootName;
        if (entities.Count == 1)
        {
            result[0] = skip(0) ? null : new PreparedDispatch(type, message.Guid, enveloped ? payload.ToArray() : null);
            return result;
        }

        for (var i = 0; i < entities.Count; i++)
        {
            if (!skip(i) && entities[i] is CebEntity entity && HeadGuid(entity) is { } documentGuid)
            {
                var guid = DerivedGuid(message.Guid, documentGuid);
                result[i] = new PreparedDispatch(type, guid, WriteAlone(message, entity, guid));
            }
        }

        return result;
    }

    /// <summary>Keeps the message of a declared document until it goes to customs (replacing one of an earlier version).</summary>
    private static readonly HotSql Keep = new(
        "INSERT INTO clearance_document_dispatches (document_id, message_type, message_guid, message, message_id) VALUES ($1, $2, $3, $4, $5) " +
        "ON CONFLICT (document_id) DO UPDATE SET message_type = excluded.message_type, message_guid = excluded.message_guid, message = excluded.message, " +
        "message_id = excluded.message_id");

    /// <summary>A message kept as received is referred to by the id of the stored message it arrived in (<see cref="IngestContext.MessageId"/>).</summary>
    public static async Task KeepAsync(IngestContext c, long documentId, PreparedDispatch dispatch, CancellationToken ct) =>
        await c.Statement(Keep).Add(documentId).Add(dispatch.MessageType).Add(dispatch.MessageGuid).Add(dispatch.Message)
            .Add(dispatch.IsAsReceived ? c.MessageId : null).RunAsync(ct);

    /// <summary>Drops the kept message of a document that is no longer declared (changed to saved, or deleted).</summary>
    public static Task ForgetAsync(DbConnection connection, DbTransaction transaction, long documentId, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM clearance_document_dispatches WHERE document_id = @documentId",
            new { documentId }, transaction, cancellationToken: ct));

    /// <summary>Takes the kept message of a document (deleting it), or builds it from the evidence store for documents
    /// stored before messages were kept.</summary>
    public static async Task<CustomsDispatch?> TakeAsync(DbConnection connection, DbTransaction transaction, long documentId, CancellationToken ct)
    {
        var kept = await connection.QuerySingleOrDefaultAsync<Kept>(new CommandDefinition(
            "SELECT k.message_type AS MessageType, k.message_guid AS MessageGuid, k.message AS Message, k.message_id AS MessageId, d.sender_enterprise_id AS Sender " +
            "FROM clearance_document_dispatches k JOIN clearance_documents d ON d.id = k.document_id WHERE k.document_id = @documentId",
            new { documentId }, transaction, cancellationToken: ct));
        if (kept is null)
        {
            return await BuildAsync(connection, transaction, documentId, ct);
        }

        await ForgetAsync(connection, transaction, documentId, ct);
        return new CustomsDispatch(documentId, kept.Sender, kept.MessageType, kept.MessageGuid, kept.Message, kept.MessageId);
    }

    /// <summary>Builds the dispatch from the stored raw message (documents stored before their dispatch was kept).</summary>
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

        if (entities.Cast<CebEntity>().FirstOrDefault(e => HeadGuid(e) == row.DocumentGuid) is not { } mine)
        {
            return null;
        }

        var guid = DerivedGuid(message.Guid, row.DocumentGuid);
        return new CustomsDispatch(row.Id, row.Sender, message.MessageType.RootName, guid, WriteAlone(message, mine, guid));
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

    /// <summary>
    /// The message with only <paramref name="entity"/>, under a new guid and without the signature (a message rebuilt from
    /// part of a signed one no longer matches it). The message object is changed only while writing and put back as it was.
    /// </summary>
    private static byte[] WriteAlone(CebMessage message, CebEntity entity, string guid)
    {
        var entities = MessageShape.Entities(message);
        var signature = SignatureProperty.GetOrAdd(message.GetType(), t => t.GetProperty("Signature"));
        var signed = signature?.GetValue(message);
        var originalGuid = message.Guid;
        try
        {
            MessageShape.ReplaceEntities(message, [entity]);
            signature?.SetValue(message, null);
            message.Guid = guid;
            return CebWriter.ToBytes(message);
        }
        finally
        {
            MessageShape.RestoreEntities(message, entities);
            signature?.SetValue(message, signed);
            message.Guid = originalGuid;
        }
    }

    /// <summary>The guid of an entity or of its head (Inventory → InventoryHead).</summary>
    internal static string? HeadGuid(CebEntity entity)
    {
        if (entity.GetFieldText("guid") is { } g)
        {
            return g;
        }

        var head = HeadProperty.GetOrAdd(entity.GetType(), t => t.GetProperties().FirstOrDefault(p => p.Name.EndsWith("Head", StringComparison.Ordinal)));
        return (head?.GetValue(entity) as CebEntity)?.GetFieldText("guid");
    }

    private static string DerivedGuid(string messageGuid, string documentGuid)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"silkgate-dispatch-v1|{messageGuid}|{documentGuid}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D").ToUpperInvariant();
    }

    private sealed record Row(long Id, string DocumentGuid, long Sender, byte[] Raw);

    private sealed record Kept(string MessageType, string MessageGuid, byte[]? Message, long? MessageId, long Sender);
}
