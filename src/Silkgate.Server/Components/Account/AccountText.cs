namespace Silkgate.Server.Components.Account;

/// <summary>Marker for the account pages' texts: <c>AccountText.resx</c> (Chinese) and <c>AccountText.en.resx</c>.</summary>
internal sealed class AccountText;
