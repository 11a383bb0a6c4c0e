namespace Silkgate.Server.Localization;

/// <summary>Marker for the portal's shared texts: <c>UiText.resx</c> (Chinese, the default) and <c>UiText.en.resx</c>.</summary>
internal sealed class UiText;
