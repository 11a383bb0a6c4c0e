namespace Silkgate.Server.Components.Registry;

/// <summary>Marker for the registry pages' texts: <c>RegistryText.resx</c> (Chinese, the default) and <c>RegistryText.en.resx</c>.</summary>
internal sealed class RegistryText;
