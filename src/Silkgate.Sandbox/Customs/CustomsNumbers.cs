using System.Globalization;

namespace Silkgate.Sandbox.Customs;

/// <summary>
/// The numbers customs and the e-port assign, each 18 characters: pre-entry <c>preNo</c> "B" + yyyyMMdd + 9-digit
/// serial; list <c>invtNo</c> district + year + I/E + 9-digit serial (fits export's 18–20 and import's 18).
/// Summary and declaration numbers follow the same shape with their own letters (the specification fixes none).
/// </summary>
internal static class CustomsNumbers
{
    public static string PreNo(DateTimeOffset chinaNow, long serial) =>
        "B" + chinaNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Serial(serial);

    public static string InvtNo(string district, int year, char ieFlag, long serial) =>
        district + year.ToString("D4", CultureInfo.InvariantCulture) + ieFlag + Serial(serial);

    /// <summary>Summary application number: district + year + "H" + serial.</summary>
    public static string SumNo(string district, int year, long serial) => InvtNo(district, year, 'H', serial);

    /// <summary>Summary declaration's unified number: "Y" + yyyyMMdd + serial.</summary>
    public static string DeclSeqNo(DateTimeOffset chinaNow, long serial) =>
        "Y" + chinaNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + Serial(serial);

    /// <summary>Customs declaration number: district + year + "1" (export) + serial, the 18-digit entry id form.</summary>
    public static string EntryId(string district, int year, long serial) => InvtNo(district, year, '1', serial);

    /// <summary>Electronic tax bill number: the list number + 2-digit bill sequence.</summary>
    public static string TaxNo(string invtNo, int sequence) => invtNo + sequence.ToString("D2", CultureInfo.InvariantCulture);

    private static string Serial(long serial) => (serial % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>Customs keeps China time (UTC+8) for dates in numbers and limits years.</summary>
    public static DateTimeOffset ChinaTime(DateTimeOffset now) => now.ToOffset(TimeSpan.FromHours(8));
}
