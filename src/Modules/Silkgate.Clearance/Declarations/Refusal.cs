namespace Silkgate.Clearance.Declarations;

/// <summary>A refused business entity: the customs error code and a readable reason in Chinese and English.</summary>
internal sealed record Refusal(int Code, string Chinese, string English)
{
    /// <summary>Text for the receipt's <c>returnInfo</c> (at most 1000 characters): Chinese first, then English.</summary>
    public string ReturnInfo => Truncate($"{Chinese} | {English}");

    internal static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
