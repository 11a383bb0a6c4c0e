using Silkgate.Clearance.Declarations;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>
/// Customs' return statuses (ceb-messages.md) as document statuses, and the order of precedence that keeps a status from
/// moving backwards when receipts arrive out of order. Pure.
/// </summary>
internal static class CustomsStatuses
{
    /// <summary>The document status a receipt's <c>returnStatus</c> means; null for text that is not a status code.</summary>
    /// <remarks>1 and 2 are the e-port's own "saved"/"declaring" echoes: they say the document is with the exchange.</remarks>
    public static DocumentStatus? FromReturnStatus(string? returnStatus)
    {
        if (!int.TryParse(returnStatus?.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        return code switch
        {
            < 0 => DocumentStatus.ProcessingError,
            1 or 2 => DocumentStatus.SentToCustoms,
            3 => DocumentStatus.Sent,
            4 => DocumentStatus.SendFailed,
            100 => DocumentStatus.Rejected,
            120 => DocumentStatus.Entered,
            300 => DocumentStatus.ManualReview,
            399 => DocumentStatus.Examined,
            500 => DocumentStatus.Inspection,
            501 or 502 or 503 or 505 or 599 or 600 => DocumentStatus.Detained,
            700 => DocumentStatus.Returned,
            800 => DocumentStatus.Released,
            899 => DocumentStatus.Closed,
            _ => null,
        };
    }

    /// <summary>
    /// Rank in the order of precedence: a receipt moves a document only to a higher rank (or, at the same rank, to a later
    /// receipt time). Rejection, sending back, closing, cancellation and return end a declaration, so they outrank every
    /// intermediate status; release stays below them because a released list can still be closed, cancelled or returned.
    /// </summary>
    public static int Rank(DocumentStatus status) => status switch
    {
        DocumentStatus.Saved or DocumentStatus.Declared or DocumentStatus.Deleted => 0,
        DocumentStatus.SentToCustoms => 1,
        DocumentStatus.SendFailed or DocumentStatus.ProcessingError => 2,
        DocumentStatus.Sent => 3,
        DocumentStatus.Entered => 4,
        DocumentStatus.ManualReview => 5,
        DocumentStatus.Examined => 6,
        DocumentStatus.Inspection => 7,
        DocumentStatus.Detained => 8,
        DocumentStatus.Released => 9,
        DocumentStatus.Rejected or DocumentStatus.Returned => 10,
        DocumentStatus.Closed => 11,
        DocumentStatus.Cancelled or DocumentStatus.GoodsReturned => 12,
        _ => 0,
    };

    /// <summary>Whether a receipt giving <paramref name="next"/> at <paramref name="nextTime"/> moves a document that is <paramref name="current"/>.</summary>
    /// <param name="currentTime">returnTime (yyyyMMddHHmmssfff) of the receipt that set the current status, or null.</param>
    public static bool Moves(DocumentStatus current, string? currentTime, DocumentStatus next, string nextTime)
    {
        int a = Rank(current), b = Rank(next);
        if (b != a)
        {
            return b > a;
        }

        return next != current && string.CompareOrdinal(nextTime, currentTime ?? "") > 0;
    }

    /// <summary>With customs: the enterprise can no longer change or delete it (only cancel or return it).</summary>
    /// <remarks>A rejected document, or one customs' processing refused, may be corrected and declared again.</remarks>
    public static bool IsWithCustoms(DocumentStatus status) => status is not (DocumentStatus.Saved or DocumentStatus.Declared or DocumentStatus.Deleted
        or DocumentStatus.Rejected or DocumentStatus.ProcessingError);

    /// <summary>The list ended without goods leaving for good: its buyer's amount is given back.</summary>
    public static bool EndsWithoutSale(DocumentStatus status) => status is DocumentStatus.Rejected or DocumentStatus.Returned
        or DocumentStatus.Cancelled or DocumentStatus.GoodsReturned;
}
