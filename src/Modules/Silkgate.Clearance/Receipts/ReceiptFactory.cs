using System.Globalization;
using Silkgate.Ceb;
using Silkgate.Ceb.Receipts;
using Silkgate.Ceb.Writing;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Receipts;

/// <summary>Builds the receipts the gateway issues, in customs' own format and time (Beijing time, UTC+8).</summary>
internal sealed class ReceiptFactory(TimeProvider time)
{
    public const string FormatReceiptType = "CEB900Message";
    private const int MaxReturnInfo = 1000;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public DateTime Now => time.GetUtcNow().ToOffset(Beijing).DateTime;

    /// <summary>The CEB900 format-check receipt for a message refused as a whole; returnStatus is the four-digit transport code made negative (<c>-0002</c>).</summary>
    public StoredReceipt Format(string? guid, string? copMsgId, string messageType, string code, string info)
    {
        var status = "-" + code;
        var receipt = CebReceipts.CreateFormatReceipt(
            guid is { Length: 36 } ? guid : CebMessage.NewGuid(),
            Truncate(copMsgId ?? guid ?? string.Empty, 255),
            Truncate(messageType, 15),
            string.Empty,
            new CebReceiptResult(status, Truncate($"[{code}] {info}", 5000), Now));
        return new StoredReceipt(FormatReceiptType, CebWriter.ToBytes(receipt));
    }

    /// <summary>
    /// The request's own receipt type with one return entity per business entity, keys copied; built on the receiving
    /// thread so that the single writer only fills in the statuses (<see cref="Complete"/>).
    /// </summary>
    public CebMessage Draft(CebMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CebReceipts.CreateReceipt(request, new CebReceiptResult("1", string.Empty, Now));
    }

    /// <summary>Sets each return entity's own status, explanation and time, and writes the receipt.</summary>
    public StoredReceipt Complete(CebMessage draft, IReadOnlyList<(int Status, string Info)> perEntity)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(perEntity);
        var entities = MessageShape.Entities(draft);
        var now = CebFormat.Time17(Now);
        for (var i = 0; i < entities.Count && i < perEntity.Count; i++)
        {
            var entity = (CebEntity)entities[i]!;
            entity.SetFieldText("returnStatus", Status(perEntity[i].Status));
            // returnInfo must not be empty in customs' receipts.
            var info = string.IsNullOrWhiteSpace(perEntity[i].Info) ? (perEntity[i].Status < 0 ? "refused" : "accepted") : perEntity[i].Info;
            entity.SetFieldText("returnInfo", Truncate(info, MaxReturnInfo));
            entity.SetFieldText("returnTime", now);
        }

        return new StoredReceipt(draft.MessageType.RootName, CebWriter.ToBytes(draft));
    }

    private static string Status(int status) => status.ToString(CultureInfo.InvariantCulture);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
