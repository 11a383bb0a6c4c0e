using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Limits;

/// <summary>An active booking of one declared import list in its buyer's year.</summary>
internal sealed record LedgerEntry(long Id, string BuyerKey, long Year, long ListDocumentId, long AmountUnits);

/// <summary>
/// The per-buyer, per-calendar-year totals of declared import lists (<c>clearance_buyer_ledger</c>) and the entries that
/// make them up (<c>clearance_buyer_ledger_entries</c>), so that a list can be reversed on change, delete, cancel or return.
/// Additions are conditional single statements, so two nodes booking for the same buyer cannot both pass the limit.
/// </summary>
internal static class BuyerLedger
{
    private static readonly HotSql ActiveEntry = new(
        "SELECT id, buyer_key, year, list_document_id, amount_units FROM clearance_buyer_ledger_entries WHERE list_document_id = $1 AND reversed_at IS NULL");

    private static readonly HotSql Total = new("SELECT total_units FROM clearance_buyer_ledger WHERE buyer_key = $1 AND year = $2");

    private static readonly HotSql AddWithin = new(
        "UPDATE clearance_buyer_ledger SET total_units = total_units + $3, updated_at = $5 WHERE buyer_key = $1 AND year = $2 AND total_units + $3 <= $4");

    private static readonly HotSql AddTo = new("UPDATE clearance_buyer_ledger SET total_units = total_units + $3, updated_at = $4 WHERE buyer_key = $1 AND year = $2");

    private static readonly HotSql InsertEntry = new(
        "INSERT INTO clearance_buyer_ledger_entries (buyer_key, year, list_document_id, amount_units, over_single_limit, booked_at) VALUES ($1, $2, $3, $4, $5, $6)");

    private static readonly HotSql Reverse = new("UPDATE clearance_buyer_ledger_entries SET reversed_at = $2, reversal_reason = $3 WHERE id = $1");

    private static readonly HotSql EnsureRow = new(
        "INSERT INTO clearance_buyer_ledger (buyer_key, year, total_units, updated_at) VALUES ($1, $2, 0, $3) ON CONFLICT (buyer_key, year) DO NOTHING");

    public static async Task<LedgerEntry?> FindActiveEntryAsync(IngestContext c, long listDocumentId, CancellationToken ct)
    {
        await using var r = await c.Statement(ActiveEntry).Add(listDocumentId).QueryAsync(ct);
        return await r.ReadAsync(ct) ? new LedgerEntry(r.Int64(0), r.Text(1), r.Int64(2), r.Int64(3), r.Int64(4)) : null;
    }

    public static async Task<long> TotalAsync(IngestContext c, string buyerKey, long year, CancellationToken ct)
    {
        await using var r = await c.Statement(Total).Add(buyerKey).Add(year).QueryAsync(ct);
        return await r.ReadAsync(ct) ? r.Int64(0) : 0;
    }

    /// <summary>Adds <paramref name="delta"/> to the buyer's year unless the total would exceed <paramref name="limit"/>.</summary>
    public static async Task<bool> TryAddAsync(IngestContext c, string buyerKey, long year, long delta, long limit, long now, CancellationToken ct)
    {
        await EnsureRowAsync(c, buyerKey, year, now, ct);
        return await c.Statement(AddWithin).Add(buyerKey).Add(year).Add(delta).Add(limit).Add(now).CountAsync(ct) == 1;
    }

    public static async Task AddAsync(IngestContext c, string buyerKey, long year, long delta, long now, CancellationToken ct)
    {
        await EnsureRowAsync(c, buyerKey, year, now, ct);
        await c.Statement(AddTo).Add(buyerKey).Add(year).Add(delta).Add(now).RunAsync(ct);
    }

    public static async Task InsertEntryAsync(IngestContext c, string buyerKey, long year, long listDocumentId, long amountUnits, bool overSingleLimit, long now,
        CancellationToken ct) =>
        await c.Statement(InsertEntry).Add(buyerKey).Add(year).Add(listDocumentId).Add(amountUnits).Add(overSingleLimit ? 1L : 0L).Add(now).RunAsync(ct);

    /// <summary>Marks an entry reversed; the caller subtracts its amount from the total (or has already re-booked it).</summary>
    public static async Task MarkReversedAsync(IngestContext c, long entryId, string reason, long now, CancellationToken ct) =>
        await c.Statement(Reverse).Add(entryId).Add(now).Add(reason).RunAsync(ct);

    private static async Task EnsureRowAsync(IngestContext c, string buyerKey, long year, long now, CancellationToken ct) =>
        await c.Statement(EnsureRow).Add(buyerKey).Add(year).Add(now).RunAsync(ct);
}
