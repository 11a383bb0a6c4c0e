using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Registry.Contracts;

namespace Silkgate.Clearance.Gateway;

/// <summary>Why a sender may not send a message.</summary>
internal sealed record SenderRefusal(string Code, string Reason);

/// <summary>
/// May the enterprise behind the key send a message with this <c>copCode</c>? Yes when the code is its own USCC or customs
/// code, or when the enterprise with that code authorized it as declaring agent. The enterprise itself must be approved.
/// Answers are cached briefly, so the hot path rarely leaves memory.
/// </summary>
internal sealed class SenderCheck(IServiceScopeFactory scopes, IOptions<GatewayOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, (EnterpriseSummary? Value, long Until)> _enterprises = new();
    private readonly ConcurrentDictionary<(string, long, string), (bool Value, long Until)> _agents = new();

    /// <summary>The refusal (null when the sender may send) and the sending enterprise's zone (from the same cached registry facts).</summary>
    public async Task<(SenderRefusal? Refusal, string? ZoneCode)> CheckAsync(long enterpriseId, string? copCode, string messageType, CancellationToken ct)
    {
        var sender = await EnterpriseAsync(enterpriseId, ct);
        if (sender is null || sender.Status != EnterpriseStatus.Approved)
        {
            return (new SenderRefusal("gateway.sender-not-approved", "The sending enterprise is not an approved enterprise of the platform."), sender?.ZoneCode);
        }

        if (copCode is null || string.Equals(copCode, sender.Uscc, StringComparison.OrdinalIgnoreCase)
            || string.Equals(copCode, sender.CustomsCode, StringComparison.OrdinalIgnoreCase))
        {
            return (null, sender.ZoneCode);
        }

        return await IsAgentAsync(copCode, enterpriseId, messageType, ct)
            ? (null, sender.ZoneCode)
            : (new SenderRefusal("gateway.wrong-sender", $"BaseTransfer/copCode {copCode} is neither the sending enterprise nor an enterprise that authorized it as declaring agent for {messageType}."), sender.ZoneCode);
    }

    private async Task<EnterpriseSummary?> EnterpriseAsync(long id, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_enterprises.TryGetValue(id, out var cached) && cached.Until > now)
        {
            return cached.Value;
        }

        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetService<IEnterpriseDirectory>()
            ?? throw new InvalidOperationException("No IEnterpriseDirectory is registered; the Registry module provides it.");
        var found = await directory.FindByIdAsync(id, ct);
        _enterprises[id] = (found, now + (options.Value.SenderCacheSeconds * 1000L));
        return found;
    }

    private async Task<bool> IsAgentAsync(string principalCode, long agentId, string messageType, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var key = (principalCode.ToUpperInvariant(), agentId, messageType);
        if (_agents.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Value;
        }

        await using var scope = scopes.CreateAsyncScope();
        var authorizations = scope.ServiceProvider.GetService<IAgentAuthorizations>();
        var allowed = authorizations is not null && await authorizations.IsAuthorizedAsync(principalCode, agentId, messageType, now, ct);
        _agents[key] = (allowed, now + (options.Value.SenderCacheSeconds * 1000L));
        return allowed;
    }
}
