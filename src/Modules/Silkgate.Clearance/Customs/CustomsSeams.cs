using System.Data.Common;
using Silkgate.Ceb;

namespace Silkgate.Clearance.Customs;

// The seams of the customs exchange (issue #5). Declaration processing decides what goes to customs and what
// customs' answers mean; the transport only moves bytes; signing is its own concern. Each side is built and tested
// on its own and meets the others only here.

/// <summary>A business message on its way to customs, as the platform will send it before it is signed and enveloped.</summary>
/// <param name="DocumentId">The <c>clearance_documents</c> row it declares.</param>
/// <param name="SenderEnterpriseId">The enterprise whose declaration it is (its certificate or deposited key signs it).</param>
/// <param name="MessageType">The CEB root name, e.g. <c>CEB621Message</c>.</param>
/// <param name="MessageGuid">The message guid: customs and the transport deduplicate on it.</param>
/// <param name="Message">The complete CEB business message (UTF-8 XML); null when it is <paramref name="ReceivedMessageId"/>'s bytes.</param>
/// <param name="ReceivedMessageId">The stored message (<c>clearance_messages</c>) whose bytes, exactly as received, are the business
/// message: referred to instead of copied. Exactly one of the two is set.</param>
internal sealed record CustomsDispatch(long DocumentId, long SenderEnterpriseId, string MessageType, string MessageGuid, byte[]? Message, long? ReceivedMessageId = null)
{
    /// <summary>The dispatch of a prepared one, for the document stored from the message <paramref name="messageId"/>.</summary>
    public static CustomsDispatch Of(long documentId, long senderEnterpriseId, Declaring.PreparedDispatch prepared, long messageId) =>
        new(documentId, senderEnterpriseId, prepared.MessageType, prepared.MessageGuid, prepared.Message, prepared.IsAsReceived ? messageId : null);
}

/// <summary>Durable queue towards customs: an entry written in the caller's transaction is sent exactly once in effect.</summary>
internal interface ICustomsQueue
{
    Task EnqueueAsync(DbConnection connection, DbTransaction transaction, CustomsDispatch dispatch, CancellationToken ct);

    /// <summary>The documents of one sale, in the ingest transaction; <paramref name="zoneCode"/> is the sale's zone.</summary>
    Task EnqueueSaleAsync(Ingest.IngestContext c, IReadOnlyList<CustomsDispatch> dispatches, string? zoneCode, CancellationToken ct);
}

/// <summary>Makes a message fit for customs: keeps a valid signature of the enterprise, or signs with its deposited key.</summary>
internal interface ICustomsSigner
{
    Task<CustomsSignResult> SignForCustomsAsync(long enterpriseId, byte[] message, CancellationToken ct);
}

/// <param name="Message">The signed message, or null when it cannot be signed.</param>
/// <param name="ErrorCode">Customs signature code (e.g. <c>-621028</c>, <c>1001</c>) when refused.</param>
internal sealed record CustomsSignResult(byte[]? Message, string? ErrorCode = null, string? Error = null)
{
    public bool Signed => Message is not null;
}

/// <summary>Applies a customs receipt to the documents it concerns, inside the caller's transaction.</summary>
/// <remarks>Must be idempotent (the transport redelivers after a crash) and must never move a status backwards.</remarks>
internal interface ICustomsReceiptSink
{
    Task ApplyAsync(DbConnection connection, DbTransaction transaction, CebMessage receipt, ReadOnlyMemory<byte> raw, long receivedAt, CancellationToken ct);
}
