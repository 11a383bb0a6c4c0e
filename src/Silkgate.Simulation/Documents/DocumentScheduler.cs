using Silkgate.Ceb;
using Silkgate.Simulation.Enterprises;
using Silkgate.Simulation.Randomness;
using Silkgate.Simulation.Sales;

namespace Silkgate.Simulation.Documents;

/// <summary>
/// When each party sends its document of a sale. Delays are log-normal per party: the order within minutes (sometimes
/// hours, when a platform pushes in batches), the receipt or payment within minutes, the waybill minutes to hours later,
/// the list usually after the others, but not always. Defects add versions and copies.
/// </summary>
internal static class DocumentScheduler
{
    public static IEnumerable<PlannedDocument> Plan(Sale s, long seed)
    {
        var rng = Prng.For(seed, 0xD0C, (ulong)s.Serial);
        var t0 = s.OrderedAt;
        var docs = s.Documents;
        var order = t0 + Minutes(rng.LogNormal(s.IsImport ? 2 : 3, 1.0)) + (rng.Chance(0.08) ? Minutes(rng.Between(60, 480)) : TimeSpan.Zero);
        var payment = t0 + Minutes(rng.LogNormal(s.IsImport ? 5 : 20, 1.0));
        var waybill = t0 + Minutes(rng.LogNormal(s.IsB2B ? 360 : s.IsImport ? 240 : 180, 0.9));
        var latest = docs.Count == 4 ? Max(order, Max(payment, waybill)) : Max(order, waybill);
        var list = rng.Chance(0.85)
            ? latest + Minutes(rng.LogNormal(s.IsB2B ? 60 : 25, 0.8))
            : t0 + Minutes(rng.LogNormal(35, 1.0));
        foreach (var type in docs)
        {
            if (type == s.Missing)
            {
                continue;
            }
            var due = type == docs[0] ? order : type == docs[^1] ? list : type == docs[1] && docs.Count == 4 ? payment : waybill;
            var sender = SenderOf(s, type, docs);
            var appTime = due.AddSeconds(-rng.Next(30));
            var guid = rng.Guid();
            if (type == s.Duplicated)
            {
                var messageGuid = rng.Guid();
                yield return new PlannedDocument(due, s, type, sender, "1", appTime, guid, null, messageGuid);
                yield return new PlannedDocument(due + Minutes(rng.Between(1, 90)), s, type, sender, "1", appTime, guid, null, messageGuid);
            }
            else
            {
                yield return new PlannedDocument(due, s, type, sender, "1", appTime, guid, null, null);
            }
            if (type == s.Stale)
            {
                // Two changes: the newer is sent first, the older (stale) one after it.
                var gap = Minutes(rng.Between(10, 180));
                var newer = due + gap;
                var older = due + (gap / 2);
                yield return new PlannedDocument(newer, s, type, sender, "2", newer, rng.Guid(), "变更2", rng.Guid());
                yield return new PlannedDocument(newer + Minutes(rng.Between(1, 30)), s, type, sender, "2", older, rng.Guid(), "变更1", rng.Guid());
            }
            if (type == docs[0] && s.Defects.HasFlag(SaleDefects.DuplicateOrderNumber))
            {
                var again = due + Minutes(rng.Between(5, 360));
                yield return new PlannedDocument(again, s, type, sender, "1", again, rng.Guid(), null, null);
            }
        }
    }

    /// <summary>Order: the platform (or the seller selling on its own site); payment: the payment firm; waybill: the
    /// logistics firm; list: the declarant (the seller, its agent, or for import sometimes the logistics firm).</summary>
    private static Party SenderOf(Sale s, CebMessageType type, IReadOnlyList<CebMessageType> docs) =>
        type == docs[0] ? s.Platform
        : type == docs[^1] ? s.Agent
        : type == CebMessageType.Ceb403 || type == CebMessageType.Ceb411 ? s.Payment
        : s.Logistics;

    private static TimeSpan Minutes(double m) => TimeSpan.FromSeconds(Math.Round(m * 60));

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
