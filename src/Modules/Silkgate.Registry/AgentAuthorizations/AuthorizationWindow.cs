using System.Collections.Frozen;

namespace Silkgate.Registry.AgentAuthorizations;

/// <summary>One effective-if-in-time authorization as the gateway check needs it: validity bounds and the types it covers.</summary>
/// <param name="Until">Exclusive end in Unix ms, or null for open-ended.</param>
/// <param name="Types">Root names covered; null when every declaration type is.</param>
internal sealed record AuthorizationWindow(long From, long? Until, FrozenSet<string>? Types)
{
    public bool Covers(string rootName, long at) =>
        at >= From && (Until is not { } until || at < until) && (Types is null || Types.Contains(rootName));
}
