namespace Silkgate.Server.Components.Clearance;

/// <summary>Marker for the texts of the customs part of the sale page: <c>CustomsText.resx</c> (Chinese, the default) and <c>CustomsText.en.resx</c>.</summary>
internal sealed class CustomsText;
