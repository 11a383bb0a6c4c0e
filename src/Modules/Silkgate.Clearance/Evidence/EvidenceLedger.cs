using System.Security.Cryptography;
using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Evidence;

/// <summary>Verifies the raw message store: sequence without gaps, bytes matching their hash, and every chain link.</summary>
internal sealed class EvidenceLedger(Database database) : IEvidenceLedger
{
    public async Task<EvidenceVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT seq, received_at, sender_enterprise_id, api_key_id, channel, message_guid, message_type, cop_msg_id, size_bytes, outcome, sha256, chain_hash, raw " +
            "FROM clearance_messages ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var previous = EvidenceChain.Genesis;
        long verified = 0;
        while (await reader.ReadAsync(ct))
        {
            var entry = new EvidenceEntry(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt64(8), reader.GetString(9), reader.GetString(10));
            var chain = reader.GetString(11);
            var raw = (byte[])reader.GetValue(12);
            var expected = verified + 1;
            if (entry.Seq != expected)
            {
                return new EvidenceVerification(verified, expected, entry.Seq > expected
                    ? $"entry {expected} is missing (next entry is {entry.Seq})"
                    : $"entry {entry.Seq} appears out of order");
            }

            if (raw.LongLength != entry.SizeBytes || EvidenceChain.Hex(SHA256.HashData(raw)) != entry.Sha256Hex)
            {
                return new EvidenceVerification(verified, entry.Seq, "the stored bytes do not match their recorded size and SHA-256");
            }

            var link = EvidenceChain.Next(previous, entry);
            if (EvidenceChain.Hex(link) != chain)
            {
                return new EvidenceVerification(verified, entry.Seq, "the chain hash does not match the entry and its predecessor");
            }

            previous = link;
            verified++;
        }

        return new EvidenceVerification(verified, null, null, EvidenceChain.Hex(previous));
    }
}
