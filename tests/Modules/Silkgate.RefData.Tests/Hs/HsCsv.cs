namespace Silkgate.RefData.Tests.Hs;

/// <summary>Writes small HS CSV files for tests.</summary>
internal static class HsCsv
{
    public const string Header = "code,name,unit1,unit2,elements";

    public static StringReader Of(params string[] rows) => new(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    /// <summary>One row; <paramref name="elements"/> is the raw JSON, quoted here as RFC 4180 requires.</summary>
    public static string Row(string code, string name = "测试商品", string unit1 = "035", string unit2 = "", string elements = """["品牌类型","规格"]""") =>
        $"{code},{name},{unit1},{unit2},\"{elements.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
