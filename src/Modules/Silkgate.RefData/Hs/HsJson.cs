using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Silkgate.RefData.Hs;

/// <summary>Declaration elements are stored as a JSON array of strings, Chinese kept readable.</summary>
internal static class HsJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Write(IReadOnlyList<string> elements) => JsonSerializer.Serialize(elements, Options);

    public static IReadOnlyList<string> Read(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
