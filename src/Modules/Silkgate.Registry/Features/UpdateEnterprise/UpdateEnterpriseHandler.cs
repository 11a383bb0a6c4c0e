using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;
using Silkgate.Registry.Features.RegisterEnterprise;

namespace Silkgate.Registry.Features.UpdateEnterprise;

/// <summary>Edits a registration before approval; editing a rejected registration resubmits it.</summary>
internal sealed class UpdateEnterpriseHandler(EnterpriseGate gate, EnterpriseFormValidator validator, EnterpriseStore store, HistoryStore history, DbSession session)
{
    public async Task<Result<EnterpriseDetails>> HandleAsync(long id, EnterpriseForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var opened = await gate.OpenAsync(id, "update", ct);
        if (!opened.IsSuccess)
        {
            return Result<EnterpriseDetails>.Failure(opened.Errors);
        }

        var (actor, own, current) = opened.Value!;
        if (!EnterpriseAccess.MayEdit(actor, own, id, current.ZoneCode))
        {
            await gate.AuditAsync("update", id, AuditOutcome.Denied, $"role {actor.Role}", ct);
            return Problem.Forbidden("Only the enterprise's administrator or an administrator of its zone may change the registration.");
        }

        var next = EnterpriseWorkflow.EditsAreAllowedOnlyBeforeApproval(current.Status);
        if (!next.IsSuccess)
        {
            return Result<EnterpriseDetails>.Failure(next.Errors);
        }

        var validated = await validator.ValidateAsync(form, ct);
        if (!validated.IsSuccess)
        {
            return Result<EnterpriseDetails>.Failure(validated.Errors);
        }

        var e = validated.Value!;
        if (actor.IsGovernment && !actor.MayAdministerZone(e.ZoneCode))
        {
            return EnterpriseGate.NotAdministered(e.ZoneCode);
        }

        var resubmit = current.Status == EnterpriseStatus.Rejected;
        try
        {
            var outcome = await session.InTransactionAsync(async c =>
            {
                var taken = await store.TakenCodesAsync(gate.Province, e, id, c);
                if (taken.Count > 0)
                {
                    return Result<bool>.Failure(RegisterEnterpriseHandler.Conflicts(taken));
                }

                await store.UpdateAsync(id, e, gate.Now, c);
                if (resubmit)
                {
                    if (!await store.SetStatusAsync(id, EnterpriseStatus.Rejected, EnterpriseStatus.Submitted, null, gate.Now, c))
                    {
                        return Result<bool>.Failure(Problem.Conflict("status", "status.changed", "The registration was changed meanwhile; reload and try again."));
                    }

                    await history.AddAsync(id, "resubmit", EnterpriseStatus.Rejected, EnterpriseStatus.Submitted, null, actor, gate.Now, c);
                }

                return Result<bool>.Success(true);
            }, ct);
            if (!outcome.IsSuccess)
            {
                return Result<EnterpriseDetails>.Failure(outcome.Errors);
            }
        }
        catch (Exception ex) when (UniqueViolation.Is(ex))
        {
            return Result<EnterpriseDetails>.Failure(RegisterEnterpriseHandler.Conflicts(await store.TakenCodesAsync(gate.Province, e, id, ct) is { Count: > 0 } t ? t : ["uscc"]));
        }

        await gate.AuditAsync(resubmit ? "resubmit" : "update", id, AuditOutcome.Succeeded, null, ct);
        return (await store.LoadAsync(gate.Province, id, ct))!;
    }
}
