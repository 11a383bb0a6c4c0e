using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Registry.Contracts;

namespace Silkgate.Clearance.Matching;

/// <summary>The zone a sending enterprise belongs to, for zone statistics and filters.</summary>
internal interface ISenderZones
{
    Task<string?> ZoneOfAsync(long enterpriseId, CancellationToken ct);
}

/// <summary>Asks the registry (through its contract) once per enterprise and remembers the answer; null when the
/// registry is not part of the host or does not know the enterprise.</summary>
internal sealed class RegistrySenderZones(IServiceScopeFactory scopes) : ISenderZones
{
    private readonly ConcurrentDictionary<long, string?> _known = new();

    public async Task<string?> ZoneOfAsync(long enterpriseId, CancellationToken ct)
    {
        if (enterpriseId <= 0)
        {
            return null;
        }

        if (_known.TryGetValue(enterpriseId, out var zone))
        {
            return zone;
        }

        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetService<IEnterpriseDirectory>();
        zone = directory is null ? null : (await directory.FindByIdAsync(enterpriseId, ct))?.ZoneCode;
        if (zone is not null)
        {
            _known[enterpriseId] = zone;
        }

        return zone;
    }
}
