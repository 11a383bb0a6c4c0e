using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Validation;
using Silkgate.Clearance.Customs.Declaring;
using Silkgate.Clearance.Customs.Signing;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Gateway;
using Silkgate.Clearance.Receipts;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The parallel half of ingest, run on the receiving thread: read with the safety limits (unwrapping a DXP envelope),
/// check the XSD and business rules, hash the bytes, and settle the answer of a message refused as a whole.
/// </summary>
internal sealed class MessagePreparer(IOptions<GatewayOptions> options, ReceiptFactory receipts, DocumentDecoder decoder, TimeProvider time)
{
    private const string Unknown = "Unknown";
    private readonly CebReaderOptions _limits = new() { MaxBytes = options.Value.MaxMessageBytes };

    public IncomingMessage Prepare(byte[] bytes, long senderEnterpriseId, long? apiKeyId, IngestChannel channel)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var read = CebReader.Read(bytes, _limits);
        string? copMsgId = null;
        ReadOnlyMemory<byte> payload = bytes;
        var enveloped = read.Envelope is not null;
        if (read.Envelope is { } envelope)
        {
            copMsgId = envelope.Message.TransInfo.CopMsgId;
            payload = envelope.Message.Data;
            if (!read.IsSchemaValid)
            {
                return Refused(TransportCodes.Schema, "DXP envelope: " + Describe(read.Problems), null, Unknown, copMsgId, null);
            }

            read = DxpWriter.ReadPayload(envelope, _limits);
        }

        if (read.IsRefused)
        {
            return Refused(TransportCodes.Format, $"{read.Failure}: {read.FailureDetail}", null, Unknown, copMsgId, null);
        }

        if (read.Message is not { } message)
        {
            return Refused(TransportCodes.Format, "the envelope's payload is not a CEB business message", null, Unknown, copMsgId, null);
        }

        var type = message.MessageType;
        var guid = string.IsNullOrEmpty(message.Guid) ? null : message.Guid;
        var copCode = MessageShape.CopCode(message);
        if (type.Role != CebMessageRole.Declaration)
        {
            return Refused(TransportCodes.OtherRouting, $"{type.RootName} is not a declaration an enterprise sends to the platform", guid, type.RootName, copMsgId, copCode);
        }

        // A missing signature alone is left to the business checks and the signature gate (the platform may sign).
        if (!read.IsSchemaValid && !read.Problems.All(SignatureInspection.IsMissingSignature))
        {
            return Refused(TransportCodes.Schema, Describe(read.Problems), guid, type.RootName, copMsgId, copCode);
        }

        var business = CebValidator.ValidateBusiness(message);
        var rejections = Rejections(message, business);
        return new IncomingMessage
        {
            Bytes = bytes,
            Sha256 = SHA256.HashData(bytes),
            ReceivedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
            SenderEnterpriseId = senderEnterpriseId,
            ApiKeyId = apiKeyId,
            Channel = channel,
            Guid = guid,
            MessageType = type.RootName,
            CopMsgId = copMsgId,
            CopCode = copCode,
            Declaration = message,
            Rejections = rejections,
            Dispatches = DispatchBuilder.Prepare(message, payload, enveloped, i => rejections[i] is not null),
            Documents = Decode(message, rejections),
            ReceiptDraft = receipts.Draft(message),
            Signature = Inspect(message, payload, business),
        };

        IncomingMessage Refused(string code, string info, string? g, string messageType, string? cop, string? sender) => new()
        {
            Bytes = bytes,
            Sha256 = SHA256.HashData(bytes),
            ReceivedAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
            SenderEnterpriseId = senderEnterpriseId,
            ApiKeyId = apiKeyId,
            Channel = channel,
            Guid = g,
            MessageType = messageType,
            CopMsgId = cop,
            CopCode = sender,
            Refusal = receipts.Format(g, cop, messageType, code, info),
        };
    }

    /// <summary>Null (nothing for the signature gate to do) unless the message is signed or must be and is not.</summary>
    /// <summary>
    /// The documents for the declaration processor, so the single writer neither hashes personal data nor serializes
    /// facts. Only for a message whose every entity passed the business checks: a refused entity may not decode, and the
    /// writer hands the processor the others only (it decodes those itself).
    /// </summary>
    private IReadOnlyList<IncomingDocument>? Decode(CebMessage message, EntityRejection?[] rejections)
    {
        if (rejections.Any(r => r is not null))
        {
            return null;
        }

        var documents = decoder.Decode(message);
        if (documents.Count != rejections.Length)
        {
            return null;
        }

        foreach (var document in documents)
        {
            _ = document.FactsJson;
        }

        return documents;
    }

    private static SignatureInspection? Inspect(CebMessage message, ReadOnlyMemory<byte> payload, IReadOnlyList<CebProblem> business)
    {
        if (SignatureInspection.IsSigned(message))
        {
            return new SignatureInspection(payload, null);
        }

        return business.Any(SignatureInspection.IsSignatureRequired)
            ? new SignatureInspection(null, Rejections(message, business.Where(p => !SignatureInspection.IsSignatureRequired(p)).ToList()))
            : null;
    }

    /// <summary>Assigns each business problem to the entity its path starts in; a problem outside every entity rejects them all.</summary>
    private static EntityRejection?[] Rejections(CebMessage message, IReadOnlyList<CebProblem> problems)
    {
        var count = MessageShape.Entities(message).Count;
        var result = new EntityRejection?[count];
        if (problems.Count == 0)
        {
            return result;
        }

        var byEntity = new List<CebProblem>?[count];
        var everywhere = new List<CebProblem>();
        var name = message.MessageType.EntityName;
        foreach (var p in problems)
        {
            var index = EntityIndex(p.Path, name);
            if (index is { } i && i < count)
            {
                (byEntity[i] ??= []).Add(p);
            }
            else
            {
                everywhere.Add(p);
            }
        }

        for (var i = 0; i < count; i++)
        {
            List<CebProblem> mine = [.. everywhere, .. byEntity[i] ?? []];
            if (mine.Count > 0)
            {
                var status = int.TryParse(mine[0].CustomsCode, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) && s < 0 ? s : -int.Parse(mine[0].CustomsCode, CultureInfo.InvariantCulture);
                result[i] = new EntityRejection(status, Describe(mine));
            }
        }

        return result;
    }

    private static int? EntityIndex(string path, string entityName)
    {
        if (!path.StartsWith(entityName, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path.AsSpan(entityName.Length);
        if (rest.IsEmpty || rest[0] == '/')
        {
            return 0;
        }

        if (rest[0] != '[')
        {
            return null;
        }

        var close = rest.IndexOf(']');
        return close > 1 && int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : null;
    }

    /// <summary>Readable problem list for returnInfo: Chinese text first (customs' language), then the path and code.</summary>
    private static string Describe(IReadOnlyList<CebProblem> problems) =>
        string.Join("; ", problems.Take(20).Select(p => $"{p.Path}: {p.MessageZh} ({p.Message}) [{p.Code} {p.CustomsCode}]"));
}
