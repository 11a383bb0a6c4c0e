using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;

namespace Silkgate.Registry.Features.ViewEnterprise;

/// <summary>One registration and its history; government reads of an enterprise's data are audited.</summary>
internal sealed class ViewEnterpriseHandler(EnterpriseGate gate, HistoryStore history)
{
    public async Task<Result<EnterpriseDetails>> GetAsync(long id, CancellationToken ct)
    {
        var opened = await gate.OpenAsync(id, "read", ct);
        if (!opened.IsSuccess)
        {
            return Result<EnterpriseDetails>.Failure(opened.Errors);
        }

        await AuditReadAsync(opened.Value!, null, ct);
        return opened.Value!.Enterprise;
    }

    public async Task<Result<IReadOnlyList<StatusChange>>> HistoryAsync(long id, CancellationToken ct)
    {
        var opened = await gate.OpenAsync(id, "read", ct);
        if (!opened.IsSuccess)
        {
            return Result<IReadOnlyList<StatusChange>>.Failure(opened.Errors);
        }

        await AuditReadAsync(opened.Value!, "history", ct);
        return Result<IReadOnlyList<StatusChange>>.Success(await history.ListAsync(id, ct));
    }

    private Task AuditReadAsync(OpenedEnterprise opened, string? detail, CancellationToken ct) =>
        EnterpriseAccess.ReadIsAudited(opened.Actor)
            ? gate.AuditAsync("read", opened.Enterprise.Id, AuditOutcome.Succeeded, detail, ct)
            : Task.CompletedTask;
}
