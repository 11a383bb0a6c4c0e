using System.Collections.Concurrent;
using Silkgate.Kernel.Access;

namespace Silkgate.Registry.Tests.Support;

/// <summary>Records audit entries in memory so tests can assert them, until Identity's audit store is merged.</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyList<AuditEntry> Entries => _entries.ToArray();

    public IReadOnlyList<AuditEntry> For(long enterpriseId) => Entries.Where(e => e.Subject == $"enterprise:{enterpriseId}").ToList();

    public Task RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }
}
