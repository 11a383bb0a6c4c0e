namespace Silkgate.Server.Components.Clearance;

/// <summary>Marker for the clearance pages' texts: <c>ClearanceText.resx</c> (Chinese, the default) and <c>ClearanceText.en.resx</c>.</summary>
internal sealed class ClearanceText;
