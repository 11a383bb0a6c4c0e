using System.Globalization;

namespace Silkgate.Server.Components.Clearance;

/// <summary>Formatting shared by the clearance pages: China time, the reader's language, dates of the filters.</summary>
internal static class ClearanceFormat
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static readonly string[] Kinds = ["Order", "Payment", "PaymentReceipt", "Waybill", "DeclarationList"];

    public static readonly string[] Modes = ["9610", "1210", "9710", "9810"];

    public static readonly string[] States = ["Waiting", "Mismatched", "Matched", "Ready"];

    public static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static string Pick(string? zh, string? en) => (English && !string.IsNullOrWhiteSpace(en) ? en : zh) ?? "";

    public static string Local(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Start of a day (yyyy-MM-dd, China time) in Unix ms, optionally the next day's; null when empty or unreadable.</summary>
    public static long? DayStart(string? day, int addDays = 0) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? new DateTimeOffset(d.AddDays(addDays).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUnixTimeMilliseconds()
            : null;

    public static string StateCss(string state) => state switch
    {
        "Ready" or "Matched" => "ok",
        "Waiting" => "warn",
        _ => "bad",
    };
}
