using Microsoft.Extensions.Options;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;
using Silkgate.Kernel.Values;

namespace Silkgate.Clearance.Limits;

/// <summary>What an accepted import list books once its document row exists.</summary>
internal sealed record PendingBooking(string BuyerKey, long Year, long AmountUnits, bool OverSingleLimit);

/// <summary>
/// Applies the import limits to a list before it is written: the single-transaction limit on every new or changed list,
/// the annual limit when the list is declared (appStatus 2), booking it in the buyer ledger in the same transaction.
/// A changed list replaces its earlier booking; a deleted list, or one changed back to saved, gives its amount back.
/// </summary>
internal sealed class ImportLimitGuard(IOptions<LimitOptions> options)
{
    private const int QueryLimitFailed = -621013;

    public async Task<(Refusal? Refusal, PendingBooking? Booking)> CheckAsync(IngestContext c, IncomingDocument list, StoredDocumentState? stored, CancellationToken ct)
    {
        var o = options.Value;
        var refusal = ImportLimits.ListMustStayWithinTheSingleTransactionLimit(list.Facts, o, out var overSingle);
        if (refusal is not null)
        {
            return (refusal, null);
        }

        var previous = stored is null ? null : await BuyerLedger.FindActiveEntryAsync(c, stored.Id, ct);
        if (list.AppStatus != 2)
        {
            if (previous is not null)
            {
                await ReverseAsync(c, previous, "saved", ct);
            }

            return (null, null);
        }

        var buyerKey = list.Facts.Buyer?.IdNumber?.Hash;
        if (buyerKey is null)
        {
            return (new Refusal(QueryLimitFailed, $"清单[{list.Facts.CopNo}]缺少购买人证件号码，查询个人限额失败",
                $"list {list.Facts.CopNo}: no buyer id number, the personal limit cannot be checked"), null);
        }

        long year = ImportLimits.ChinaYear(c.ReceivedAt);
        long value = ImportLimits.DutiableValue(list.Facts);
        long limit = Amount.FromDecimal(o.Annual).Units;
        bool sameRow = previous is not null && previous.BuyerKey == buyerKey && previous.Year == year;
        long delta = sameRow ? value - previous!.AmountUnits : value;
        if (!await BuyerLedger.TryAddAsync(c, buyerKey, year, delta, limit, c.ReceivedAt, ct))
        {
            long used = await BuyerLedger.TotalAsync(c, buyerKey, year, ct) - (sameRow ? previous!.AmountUnits : 0);
            return (ImportLimits.AnnualLimitRefusal(list.Facts, used, value, limit), null);
        }

        if (previous is not null)
        {
            if (!sameRow)
            {
                await BuyerLedger.AddAsync(c, previous.BuyerKey, previous.Year, -previous.AmountUnits, c.ReceivedAt, ct);
            }

            await BuyerLedger.MarkReversedAsync(c, previous.Id, "changed", c.ReceivedAt, ct);
        }

        return (null, new PendingBooking(buyerKey, year, value, overSingle));
    }

    public static Task BookAsync(IngestContext c, PendingBooking booking, long listDocumentId, CancellationToken ct) =>
        BuyerLedger.InsertEntryAsync(c, booking.BuyerKey, booking.Year, listDocumentId, booking.AmountUnits, booking.OverSingleLimit, c.ReceivedAt, ct);

    /// <summary>Gives a list's booked amount back to its buyer's year (delete now; cancellation and return later).</summary>
    public static async Task ReverseListAsync(IngestContext c, long listDocumentId, string reason, CancellationToken ct)
    {
        if (await BuyerLedger.FindActiveEntryAsync(c, listDocumentId, ct) is { } entry)
        {
            await ReverseAsync(c, entry, reason, ct);
        }
    }

    private static async Task ReverseAsync(IngestContext c, LedgerEntry entry, string reason, CancellationToken ct)
    {
        await BuyerLedger.AddAsync(c, entry.BuyerKey, entry.Year, -entry.AmountUnits, c.ReceivedAt, ct);
        await BuyerLedger.MarkReversedAsync(c, entry.Id, reason, c.ReceivedAt, ct);
    }
}
