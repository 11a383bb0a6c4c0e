using Dapper;
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
    public static async Task<LedgerEntry?> FindActiveEntryAsync(IngestContext c, long listDocumentId, CancellationToken ct) =>
        await c.Connection.QuerySingleOrDefaultAsync<LedgerEntry>(new CommandDefinition(
            "SELECT id AS Id, buyer_key AS BuyerKey, year AS Year, list_document_id AS ListDocumentId, amount_units AS AmountUnits " +
            "FROM clearance_buyer_ledger_entries WHERE list_document_id = @listDocumentId AND reversed_at IS NULL",
            new { listDocumentId }, c.Transaction, cancellationToken: ct));

    public static async Task<long> TotalAsync(IngestContext c, string buyerKey, long year, CancellationToken ct) =>
        await c.Connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT total_units FROM clearance_buyer_ledger WHERE buyer_key = @buyerKey AND year = @year",
            new { buyerKey, year }, c.Transaction, cancellationToken: ct)) ?? 0;

    /// <summary>Adds <paramref name="delta"/> to the buyer's year unless the total would exceed <paramref name="limit"/>.</summary>
    public static async Task<bool> TryAddAsync(IngestContext c, string buyerKey, long year, long delta, long limit, long now, CancellationToken ct)
    {
        await EnsureRowAsync(c, buyerKey, year, now, ct);
        var rows = await c.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_buyer_ledger SET total_units = total_units + @delta, updated_at = @now " +
            "WHERE buyer_key = @buyerKey AND year = @year AND total_units + @delta <= @limit",
            new { buyerKey, year, delta, limit, now }, c.Transaction, cancellationToken: ct));
        return rows == 1;
    }

    public static async Task AddAsync(IngestContext c, string buyerKey, long year, long delta, long now, CancellationToken ct)
    {
        await EnsureRowAsync(c, buyerKey, year, now, ct);
        await c.Writes.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_buyer_ledger SET total_units = total_units + @delta, updated_at = @now WHERE buyer_key = @buyerKey AND year = @year",
            new { buyerKey, year, delta, now }, c.Transaction, cancellationToken: ct));
    }

    public static Task InsertEntryAsync(IngestContext c, string buyerKey, long year, long listDocumentId, long amountUnits, bool overSingleLimit, long now, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition(
            "INSERT INTO clearance_buyer_ledger_entries (buyer_key, year, list_document_id, amount_units, over_single_limit, booked_at) " +
            "VALUES (@buyerKey, @year, @listDocumentId, @amountUnits, @over, @now)",
            new { buyerKey, year, listDocumentId, amountUnits, over = overSingleLimit ? 1L : 0L, now }, c.Transaction, cancellationToken: ct));

    /// <summary>Marks an entry reversed; the caller subtracts its amount from the total (or has already re-booked it).</summary>
    public static Task MarkReversedAsync(IngestContext c, long entryId, string reason, long now, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition(
            "UPDATE clearance_buyer_ledger_entries SET reversed_at = @now, reversal_reason = @reason WHERE id = @entryId",
            new { entryId, reason, now }, c.Transaction, cancellationToken: ct));

    private static Task<int> EnsureRowAsync(IngestContext c, string buyerKey, long year, long now, CancellationToken ct) =>
        c.Writes.ExecuteAsync(new CommandDefinition(
            "INSERT INTO clearance_buyer_ledger (buyer_key, year, total_units, updated_at) VALUES (@buyerKey, @year, 0, @now) " +
            "ON CONFLICT (buyer_key, year) DO NOTHING",
            new { buyerKey, year, now }, c.Transaction, cancellationToken: ct));
}
