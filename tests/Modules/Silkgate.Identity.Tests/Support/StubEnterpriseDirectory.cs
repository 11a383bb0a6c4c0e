using System.Collections.Concurrent;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.Tests.Support;

/// <summary>
/// A minimal in-memory registry for the identity tests, standing in for the registry module's directory (built on
/// another branch); the integrator swaps in the real one.
/// </summary>
public sealed class StubEnterpriseDirectory : IEnterpriseDirectory
{
    private readonly ConcurrentDictionary<long, EnterpriseSummary> _enterprises = new();
    private readonly ConcurrentDictionary<long, EnterpriseMembership> _members = new();
    private long _nextId = 1000;

    /// <summary>Adds an enterprise with fresh, unique codes.</summary>
    public EnterpriseSummary Add(string zoneCode = "330500", EnterpriseStatus status = EnterpriseStatus.Approved)
    {
        var id = Interlocked.Increment(ref _nextId);
        var enterprise = new EnterpriseSummary(id, $"91330500TEST{id:D6}", $"33059{id:D5}", $"测试企业{id}", $"Test enterprise {id}",
            zoneCode, zoneCode, status, [EnterpriseRole.ECommerceEnterprise]);
        _enterprises[id] = enterprise;
        return enterprise;
    }

    public void SetStatus(long enterpriseId, EnterpriseStatus status) =>
        _enterprises[enterpriseId] = _enterprises[enterpriseId] with { Status = status };

    public Task<EnterpriseSummary?> FindByIdAsync(long enterpriseId, CancellationToken ct) =>
        Task.FromResult(_enterprises.GetValueOrDefault(enterpriseId));

    public Task<EnterpriseSummary?> FindByCodeAsync(string code, CancellationToken ct) =>
        Task.FromResult(_enterprises.Values.FirstOrDefault(e => e.Uscc == code || e.CustomsCode == code));

    public Task<EnterpriseMembership?> FindMembershipAsync(long userId, CancellationToken ct)
    {
        if (!_members.TryGetValue(userId, out var m))
        {
            return Task.FromResult<EnterpriseMembership?>(null);
        }

        var e = _enterprises[m.EnterpriseId];
        return Task.FromResult<EnterpriseMembership?>(m with { Status = e.Status, ZoneCode = e.ZoneCode });
    }

    public Task AddMemberAsync(long enterpriseId, long userId, bool isAdmin, CancellationToken ct)
    {
        var e = _enterprises[enterpriseId];
        _members[userId] = new EnterpriseMembership(enterpriseId, e.ZoneCode, isAdmin, e.Status);
        return Task.CompletedTask;
    }
}
