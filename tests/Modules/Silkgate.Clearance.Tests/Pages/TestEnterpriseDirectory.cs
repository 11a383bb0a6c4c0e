using System.Collections.Concurrent;
using System.Globalization;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;

namespace Silkgate.Testing;

/// <summary>
/// An in-memory <see cref="IEnterpriseDirectory"/> for tests of modules that only consume the Registry's contract
/// (and for a server process started by a test, see <see cref="TestServerStartup"/>). Each added enterprise gets a
/// unique valid USCC and customs code.
/// </summary>
public sealed class TestEnterpriseDirectory : IEnterpriseDirectory
{
    private static long s_next = Random.Shared.Next(1_000, 1_000_000) * 1000L;
    private readonly ConcurrentDictionary<long, EnterpriseSummary> _byId = new();

    /// <summary>Adds an enterprise (approved unless told otherwise) and returns it.</summary>
    public EnterpriseSummary Add(EnterpriseStatus status = EnterpriseStatus.Approved, long? id = null, string? uscc = null, string? customsCode = null)
    {
        var n = id ?? Interlocked.Increment(ref s_next);
        var summary = new EnterpriseSummary(n, uscc ?? NewUscc(n), customsCode ?? NewCustomsCode(n), $"测试企业{n}", $"Test enterprise {n}",
            "330100", "330102", status, [EnterpriseRole.ECommerceEnterprise]);
        _byId[n] = summary;
        return summary;
    }

    public void SetStatus(long id, EnterpriseStatus status) => _byId[id] = _byId[id] with { Status = status };

    public Task<EnterpriseSummary?> FindByIdAsync(long enterpriseId, CancellationToken ct) =>
        Task.FromResult(_byId.GetValueOrDefault(enterpriseId));

    public Task<EnterpriseSummary?> FindByCodeAsync(string code, CancellationToken ct) =>
        Task.FromResult(_byId.Values.FirstOrDefault(e =>
            string.Equals(e.Uscc, code, StringComparison.OrdinalIgnoreCase) || string.Equals(e.CustomsCode, code, StringComparison.OrdinalIgnoreCase)));

    public Task<EnterpriseMembership?> FindMembershipAsync(long userId, CancellationToken ct) => Task.FromResult<EnterpriseMembership?>(null);

    public Task AddMemberAsync(long enterpriseId, long userId, bool isAdmin, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A valid 18-character USCC (GB 32100 check character) derived from <paramref name="n"/>.</summary>
    public static string NewUscc(long n)
    {
        var first17 = "91330100" + (n % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        return first17 + Uscc.CheckCharacter(first17);
    }

    /// <summary>A 10-character customs registration code derived from <paramref name="n"/>.</summary>
    public static string NewCustomsCode(long n) => "33" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
}
