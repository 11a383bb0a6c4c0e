using System.Collections.Concurrent;
using Silkgate.Kernel.Access;

namespace Silkgate.Testing;

/// <summary>An <see cref="IAuditTrail"/> that keeps entries in memory so tests can assert on them.</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();

    public IReadOnlyCollection<AuditEntry> Entries => _entries;

    public Task RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        _entries.Enqueue(entry);
        return Task.CompletedTask;
    }
}
