using Silkgate.Clearance.Customs.Signing;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Gateway;

/// <summary>What happened to a submitted message.</summary>
internal abstract record Submission
{
    /// <summary>Stored (or found stored) and answered with a receipt.</summary>
    internal sealed record Answered(IngestAnswer Answer) : Submission;

    /// <summary>The sender may not send this message; nothing stored.</summary>
    internal sealed record Forbidden(SenderRefusal Refusal, string? Guid, string MessageType, string? CopCode) : Submission;

    /// <summary>The message could not be made durable; the sender should retry.</summary>
    internal sealed record Unavailable(string Reason) : Submission;
}

/// <summary>
/// The one entry for messages, used by the HTTP endpoint and the file exchange alike: prepare on the caller's thread,
/// check the sender, then wait for the single writer's commit.
/// </summary>
internal sealed class MessageGateway(MessagePreparer preparer, SenderCheck senders, SignatureGate signatures, IngestPipeline pipeline)
{
    public async Task<Submission> SubmitAsync(byte[] bytes, long enterpriseId, long? apiKeyId, IngestChannel channel, CancellationToken ct)
    {
        var message = preparer.Prepare(bytes, enterpriseId, apiKeyId, channel);
        var (refusal, zoneCode) = await senders.CheckAsync(enterpriseId, message.CopCode, message.MessageType, ct);
        if (refusal is not null)
        {
            return new Submission.Forbidden(refusal, message.Guid, message.MessageType, message.CopCode);
        }

        message = await signatures.ApplyAsync(message, ct);
        message.SenderZoneCode = zoneCode;

        try
        {
            return new Submission.Answered(await pipeline.SubmitAsync(message, ct));
        }
        catch (IngestUnavailableException e)
        {
            return new Submission.Unavailable(e.Message);
        }
    }
}
