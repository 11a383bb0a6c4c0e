using Silkgate.Ceb;
using Silkgate.Clearance.Customs.Signing;

namespace Silkgate.Clearance.Ingest;

/// <summary>Where a message came in.</summary>
internal enum IngestChannel
{
    Http,
    File,
}

/// <summary>A business entity that failed the business checks: its receipt status (a negative customs code) and explanation.</summary>
internal sealed record EntityRejection(int Status, string Info);

/// <summary>
/// A received message after the parallel part of ingest (read, validate, hash): everything the single writer needs,
/// so that the writer only touches the database.
/// </summary>
internal sealed class IncomingMessage
{
    public required byte[] Bytes { get; init; }

    public required byte[] Sha256 { get; init; }

    public required long ReceivedAt { get; init; }

    public required long SenderEnterpriseId { get; init; }

    public long? ApiKeyId { get; init; }

    /// <summary>Zone of the sending enterprise; set by the gateway's sender check before the message is queued.</summary>
    public string? SenderZoneCode { get; set; }

    public required IngestChannel Channel { get; init; }

    /// <summary>The business message's guid; null when the message could not be read that far.</summary>
    public string? Guid { get; init; }

    /// <summary>Root name of the business message (<c>CEB311Message</c>), or <c>Unknown</c>.</summary>
    public required string MessageType { get; init; }

    /// <summary>The DXP envelope's <c>CopMsgId</c> when the message came in an envelope.</summary>
    public string? CopMsgId { get; init; }

    /// <summary>The sender code in <c>BaseTransfer/copCode</c>, when readable.</summary>
    public string? CopCode { get; init; }

    /// <summary>The schema-valid declaration that goes to the declaration processor; null when the message is refused as a whole.</summary>
    public CebMessage? Declaration { get; init; }

    /// <summary>Per entity of <see cref="Declaration"/>: the business-check rejection, or null.</summary>
    public IReadOnlyList<EntityRejection?> Rejections { get; init; } = [];

    /// <summary>Per entity of <see cref="Declaration"/>: what goes to customs if it is declared (null for rejected entities).</summary>
    public IReadOnlyList<Customs.Declaring.PreparedDispatch?> Dispatches { get; init; } = [];

    /// <summary>
    /// Per entity of <see cref="Declaration"/>, its document as the declaration processor reads it, decoded (personal data
    /// hashed, facts serialized) on the receiving thread; null when the processor decodes the message itself.
    /// </summary>
    public IReadOnlyList<Declarations.IncomingDocument>? Documents { get; init; }

    /// <summary>The receipt of <see cref="Declaration"/> with its keys copied; the writer fills in the statuses.</summary>
    public CebMessage? ReceiptDraft { get; init; }

    /// <summary>Set when the declaration is signed or must be signed and is not; read by the signature gate.</summary>
    public SignatureInspection? Signature { get; init; }

    /// <summary>The answer for a message refused as a whole (CEB900), built before the writer sees it.</summary>
    public StoredReceipt? Refusal { get; init; }
}

/// <summary>A receipt as issued: its root name and its bytes.</summary>
internal sealed record StoredReceipt(string Type, byte[] Bytes);

/// <summary>What the gateway answers for one message.</summary>
/// <param name="Replayed">True when the guid was seen before and the first answer is returned.</param>
internal sealed record IngestAnswer(StoredReceipt Receipt, long MessageId, bool Replayed);
