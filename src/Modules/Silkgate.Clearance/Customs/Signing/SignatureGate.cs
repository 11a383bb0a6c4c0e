using Microsoft.Extensions.Options;
using Silkgate.Ceb;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Receipts;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>
/// The gateway's signature step, on the receiving thread after the sender check and before the writer. A signed message
/// is verified against the sender's registered certificates (cached); a failure refuses it with the customs code of its
/// family. A message that must be signed and is not is accepted only when the sender deposited a key (the platform signs
/// it before it goes to customs); otherwise the validator's code (−621026 …) stands. Unsigned messages that need no
/// signature pass without a lookup.
/// </summary>
internal sealed class SignatureGate(SenderSigningCache senders, ReceiptFactory receipts, IOptions<SigningOptions> options, TimeProvider time)
{
    public async Task<IncomingMessage> ApplyAsync(IncomingMessage message, CancellationToken ct)
    {
        if (message.Signature is not { } inspection || message.Declaration is not { } declaration)
        {
            return message;
        }

        var mode = options.Value.GatewayVerification;
        if (inspection.SignedPayload is not { } payload)
        {
            var sender = await senders.GetAsync(message.SenderEnterpriseId, ct);
            return sender.HasDeposit && inspection.RejectionsIfPlatformSigns is { } rejections ? Copy(message, rejections, null) : message;
        }

        if (mode == GatewayVerification.Off)
        {
            return message;
        }

        var facts = await senders.GetAsync(message.SenderEnterpriseId, ct);
        if (mode == GatewayVerification.Enrolled && !facts.Enrolled)
        {
            return message;
        }

        var verdict = SenderSignatureVerifier.Verify(payload.Span, facts, time.GetUtcNow());
        return verdict.IsValid ? message : Refuse(message, declaration.MessageType, verdict);
    }

    private IncomingMessage Refuse(IncomingMessage message, CebMessageType type, SignatureVerdict verdict)
    {
        if (SignatureRefusals.ListCode(type, verdict.Failure) is { } code)
        {
            var rejection = new EntityRejection(code, $"{SignatureRefusals.Describe(verdict)} [{code}]");
            return Copy(message, Enumerable.Repeat<EntityRejection?>(rejection, message.Rejections.Count).ToArray(), null);
        }

        var transport = SignatureRefusals.TransportCode(verdict.Failure);
        return Copy(message, [], receipts.Format(message.Guid, message.CopMsgId, message.MessageType, transport, SignatureRefusals.Describe(verdict)));
    }

    private static IncomingMessage Copy(IncomingMessage m, IReadOnlyList<EntityRejection?> rejections, StoredReceipt? refusal) => new()
    {
        Bytes = m.Bytes,
        Sha256 = m.Sha256,
        ReceivedAt = m.ReceivedAt,
        SenderEnterpriseId = m.SenderEnterpriseId,
        ApiKeyId = m.ApiKeyId,
        SenderZoneCode = m.SenderZoneCode,
        Channel = m.Channel,
        Guid = m.Guid,
        MessageType = m.MessageType,
        CopMsgId = m.CopMsgId,
        CopCode = m.CopCode,
        Declaration = refusal is null ? m.Declaration : null,
        Rejections = rejections,
        ReceiptDraft = refusal is null ? m.ReceiptDraft : null,
        Refusal = refusal,
    };
}
