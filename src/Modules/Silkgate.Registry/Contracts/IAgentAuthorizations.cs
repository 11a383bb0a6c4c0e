namespace Silkgate.Registry.Contracts;

/// <summary>Whether an enterprise may declare on behalf of another (委托申报).</summary>
public interface IAgentAuthorizations
{
    /// <summary>True when the enterprise with <paramref name="principalCode"/> (USCC or customs code) has authorized
    /// <paramref name="agentEnterpriseId"/> to send messages of <paramref name="messageType"/> (e.g. "CEB621Message") at the given time.</summary>
    Task<bool> IsAuthorizedAsync(string principalCode, long agentEnterpriseId, string messageType, long atUnixMs, CancellationToken ct);
}
