using System.Globalization;
using Silkgate.Ceb;

namespace Silkgate.Sandbox.Customs;

/// <summary>Reads CEB fields by their XML names (the models of both directions share them).</summary>
internal static class Fields
{
    public static string Text(this CebEntity e, string name) => e.GetFieldText(name) ?? string.Empty;

    public static decimal Decimal(this CebEntity e, string name) =>
        decimal.TryParse(e.GetFieldText(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0m;

    public static int Int(this CebEntity e, string name) =>
        int.TryParse(e.GetFieldText(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;

    public static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Yuan(long units) => Yuan(units / 100_000m);
}
