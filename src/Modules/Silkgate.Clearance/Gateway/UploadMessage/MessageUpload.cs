using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Ingest;
using Silkgate.Kernel.Access;

namespace Silkgate.Clearance.Gateway.UploadMessage;

/// <summary>
/// <see cref="IMessageUpload"/>: a file uploaded on the portal goes through <see cref="MessageGateway"/> exactly as the
/// signed-in enterprise's sending system would send it to <c>POST /api/v1/ceb/messages</c> (same sender check, same pipeline).
/// </summary>
internal sealed class MessageUpload(MessageGateway gateway, IOptions<GatewayOptions> options, IServiceProvider services) : IMessageUpload
{
    private const string Action = "clearance.message.upload";

    private static readonly string[] KeyElements = ["orderNo", "logisticsNo", "payTransactionId", "copNo", "invtNo", "payNo"];

    public long MaxMessageBytes => options.Value.MaxMessageBytes;

    public async Task<UploadResult> SubmitAsync(byte[] bytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var actor = services.GetService<IActorContext>()?.Current;
        if (actor is not { IsEnterprise: true, EnterpriseId: { } enterpriseId })
        {
            return await DenyAsync(null, "gateway.not-an-enterprise", "Only a user of an enterprise may upload CEB messages.", ct);
        }

        if (bytes.Length == 0)
        {
            return Refused("upload.empty", "The file is empty.");
        }

        if (bytes.Length > options.Value.MaxMessageBytes)
        {
            return Refused("gateway.too-large", $"The file has {bytes.Length} bytes; at most {options.Value.MaxMessageBytes} are accepted.");
        }

        switch (await gateway.SubmitAsync(bytes, enterpriseId, actor.ApiKeyId, IngestChannel.Http, ct))
        {
            case Submission.Answered a:
                var xml = System.Text.Encoding.UTF8.GetString(a.Answer.Receipt.Bytes);
                return new UploadResult(UploadOutcome.Answered, a.Answer.Receipt.Type, a.Answer.MessageId, a.Answer.Replayed, Entities(xml), null, null, xml);
            case Submission.Forbidden f:
                return await DenyAsync($"ceb:{f.MessageType}:{f.Guid}", f.Refusal.Code, f.Refusal.Reason, ct);
            case Submission.Unavailable u:
                return new UploadResult(UploadOutcome.Unavailable, null, null, false, [], "gateway.unavailable", u.Reason, null);
            default:
                throw new InvalidOperationException("Unknown submission outcome.");
        }
    }

    /// <summary>The return entities of a receipt: every child of the root that carries a returnStatus.</summary>
    internal static IReadOnlyList<ReceiptEntity> Entities(string receiptXml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(receiptXml);
        }
        catch (XmlException)
        {
            return [];
        }

        return document.Root!.Elements()
            .Select(e => (Element: e, Status: Child(e, "returnStatus")))
            .Where(x => x.Status is not null)
            .Select(x => new ReceiptEntity(
                x.Element.Name.LocalName,
                Child(x.Element, "guid"),
                KeyElements.Select(k => Child(x.Element, k)).FirstOrDefault(v => !string.IsNullOrEmpty(v)),
                x.Status!,
                Child(x.Element, "returnTime"),
                Child(x.Element, "returnInfo") ?? ""))
            .ToList();
    }

    private static string? Child(XElement element, string localName) =>
        element.Elements().FirstOrDefault(c => c.Name.LocalName == localName)?.Value;

    private static UploadResult Refused(string code, string reason) => new(UploadOutcome.Refused, null, null, false, [], code, reason, null);

    private async Task<UploadResult> DenyAsync(string? subject, string code, string reason, CancellationToken ct)
    {
        if (services.GetService<IAuditTrail>() is { } audit)
        {
            await audit.RecordAsync(new AuditEntry(Action, subject, AuditOutcome.Denied, string.Create(CultureInfo.InvariantCulture, $"{code}: {reason}")), ct);
        }

        return new UploadResult(UploadOutcome.Forbidden, null, null, false, [], code, reason, null);
    }
}
