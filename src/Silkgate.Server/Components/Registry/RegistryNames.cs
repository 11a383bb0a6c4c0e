using System.Globalization;
using Silkgate.Registry.Contracts;

namespace Silkgate.Server.Components.Registry;

/// <summary>Names in the reader's language: English where the page is English and a name exists, Chinese otherwise.</summary>
internal static class RegistryNames
{
    public static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static string Pick(string zh, string? en) => English && !string.IsNullOrWhiteSpace(en) ? en : zh;

    public static string Of(ZoneInfo z) => Pick(z.NameZh, z.NameEn);

    public static string Of(DistrictInfo d) => Pick(d.NameZh, d.NameEn);

    public static string Of(ParkInfo p) => Pick(p.NameZh, p.NameEn);

    /// <summary>A list in the reader's language: 、 between Chinese items, a comma between English ones.</summary>
    public static string List(IEnumerable<string> items) => string.Join(English ? ", " : "、", items);

    public static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
