namespace Silkgate.Server.Components.Clearance;

/// <summary>Marker for the customs exchange page's texts: <c>ExchangeText.resx</c> (Chinese, the default) and <c>ExchangeText.en.resx</c>.</summary>
internal sealed class ExchangeText;
