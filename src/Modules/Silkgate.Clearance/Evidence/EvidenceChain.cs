using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Silkgate.Clearance.Evidence;

/// <summary>The fields of one evidence entry that the chain covers.</summary>
internal sealed record EvidenceEntry(
    long Seq,
    long ReceivedAt,
    long SenderEnterpriseId,
    long? ApiKeyId,
    string Channel,
    string? MessageGuid,
    string MessageType,
    string? CopMsgId,
    long SizeBytes,
    string Outcome,
    string Sha256Hex);

/// <summary>
/// The hash chain over the raw message store: <c>chain(n) = SHA-256(chain(n-1) || canonical(n))</c> with 32 zero bytes
/// before the first entry. The canonical form lists every field as <c>{length}:{value}\n</c> (null as <c>-</c>), so no
/// field can bleed into another; it includes the SHA-256 of the raw bytes, so one changed byte breaks the chain there.
/// </summary>
internal static class EvidenceChain
{
    public static byte[] Genesis { get; } = new byte[32];

    public static string Canonical(EvidenceEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var b = new StringBuilder(256);
        Field(b, "silkgate-evidence-v1");
        Field(b, e.Seq.ToString(CultureInfo.InvariantCulture));
        Field(b, e.ReceivedAt.ToString(CultureInfo.InvariantCulture));
        Field(b, e.SenderEnterpriseId.ToString(CultureInfo.InvariantCulture));
        Field(b, e.ApiKeyId?.ToString(CultureInfo.InvariantCulture));
        Field(b, e.Channel);
        Field(b, e.MessageGuid);
        Field(b, e.MessageType);
        Field(b, e.CopMsgId);
        Field(b, e.SizeBytes.ToString(CultureInfo.InvariantCulture));
        Field(b, e.Outcome);
        Field(b, e.Sha256Hex);
        return b.ToString();
    }

    public static byte[] Next(byte[] previous, EvidenceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var canonical = Encoding.UTF8.GetBytes(Canonical(entry));
        var buffer = new byte[previous.Length + canonical.Length];
        previous.CopyTo(buffer, 0);
        canonical.CopyTo(buffer, previous.Length);
        return SHA256.HashData(buffer);
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static void Field(StringBuilder b, string? value)
    {
        if (value is null)
        {
            b.Append("-\n");
            return;
        }

        b.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
    }
}
