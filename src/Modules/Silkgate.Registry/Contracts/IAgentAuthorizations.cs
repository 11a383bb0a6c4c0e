namespace Silkgate.Registry.Contracts;

/// <summary>
/// Declaring-agent authorizations (委托申报): an enterprise (the principal) lets another enterprise (its agent)
/// send CEB messages in its name. The CEB gateway asks it when a message's sender code is not the sending key's own enterprise.
/// </summary>
public interface IAgentAuthorizations
{
    /// <summary>
    /// True when the enterprise identified by <paramref name="principalCode"/> (its USCC or customs code) has authorized
    /// <paramref name="agentEnterpriseId"/> to send messages of <paramref name="messageType"/> (e.g. <c>CEB621Message</c>)
    /// at <paramref name="atUnixMs"/> (authorization valid and not revoked at that instant).
    /// </summary>
    Task<bool> IsAuthorizedAsync(string principalCode, long agentEnterpriseId, string messageType, long atUnixMs, CancellationToken ct);
}
