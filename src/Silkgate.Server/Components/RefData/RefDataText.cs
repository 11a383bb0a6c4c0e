namespace Silkgate.Server.Components.RefData;

/// <summary>Marker for the reference data pages' texts: <c>RefDataText.resx</c> (Chinese) and <c>RefDataText.en.resx</c>.</summary>
internal sealed class RefDataText;
