namespace Silkgate.Clearance.Contracts;

/// <summary>
/// Submits an uploaded CEB message (bare or in a DXP envelope) as the signed-in enterprise, through the same gateway pipeline
/// and sender checks as <c>POST /api/v1/ceb/messages</c>: the message's copCode must be the actor's enterprise or an
/// enterprise that authorized it as declaring agent.
/// </summary>
public interface IMessageUpload
{
    /// <summary>The largest message accepted, in bytes: the gateway's limit (<c>Clearance:Gateway:MaxMessageBytes</c>).</summary>
    long MaxMessageBytes { get; }

    Task<UploadResult> SubmitAsync(byte[] bytes, CancellationToken ct);
}

public enum UploadOutcome
{
    /// <summary>Stored and answered with a receipt (which may still refuse entities).</summary>
    Answered,

    /// <summary>The actor is not an enterprise user, or may not send for the message's copCode; nothing stored.</summary>
    Forbidden,

    /// <summary>The message could not be made durable; try again.</summary>
    Unavailable,

    /// <summary>Empty or larger than the gateway accepts.</summary>
    Refused,
}

/// <summary>One entity of the receipt: its element, guid (EntityGuid), business key, returnStatus, returnTime and returnInfo.</summary>
public sealed record ReceiptEntity(string Element, string? EntityGuid, string? Key, string Status, string? ReturnTime, string Info);

public sealed record UploadResult(UploadOutcome Outcome, string? ReceiptType, long? MessageId, bool Replayed, IReadOnlyList<ReceiptEntity> Entities,
    string? Code, string? Reason, string? ReceiptXml);
