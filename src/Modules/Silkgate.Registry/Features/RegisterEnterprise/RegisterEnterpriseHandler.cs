using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;

namespace Silkgate.Registry.Features.RegisterEnterprise;

/// <summary>
/// Files a registration. An applicant registers their own enterprise and becomes its admin member (one enterprise per
/// account); a zone admin (own zone) or province admin registers on an enterprise's behalf.
/// </summary>
internal sealed class RegisterEnterpriseHandler(EnterpriseGate gate, EnterpriseFormValidator validator, EnterpriseStore store, HistoryStore history, DbSession session)
{
    public async Task<Result<EnterpriseDetails>> HandleAsync(EnterpriseForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (gate.Actor is not { } actor)
        {
            return EnterpriseGate.SignInRequired;
        }

        if (actor.Role is not (Role.Applicant or Role.ZoneAdmin or Role.ProvinceAdmin))
        {
            await gate.AuditAsync("submit", null, AuditOutcome.Denied, $"role {actor.Role}", ct);
            return Problem.Forbidden("Only applicants (for themselves) and zone or province administrators (on behalf of an enterprise) file registrations.");
        }

        if (actor.Role == Role.Applicant && await history.FindMembershipAsync(actor.UserId, ct) is not null)
        {
            return Problem.Conflict("account", "member.exists", "This account already belongs to an enterprise; one enterprise per account.");
        }

        var validated = await validator.ValidateAsync(form, ct);
        if (!validated.IsSuccess)
        {
            return Result<EnterpriseDetails>.Failure(validated.Errors);
        }

        var e = validated.Value!;
        if (!actor.MayAdministerZone(e.ZoneCode) && actor.Role != Role.Applicant)
        {
            await gate.AuditAsync("submit", null, AuditOutcome.Denied, $"zone {e.ZoneCode}", ct);
            return EnterpriseGate.NotAdministered(e.ZoneCode);
        }

        long id;
        try
        {
            var outcome = await session.InTransactionAsync(async c =>
            {
                var taken = await store.TakenCodesAsync(gate.Province, e, null, c);
                if (taken.Count > 0)
                {
                    return Result<long>.Failure(Conflicts(taken));
                }

                var newId = await store.InsertAsync(gate.Province, e, actor.UserId, gate.Now, c);
                await history.AddAsync(newId, "submit", null, EnterpriseStatus.Submitted, null, actor, gate.Now, c);
                if (actor.Role == Role.Applicant)
                {
                    await history.AddMemberAsync(newId, actor.UserId, isAdmin: true, gate.Now, c);
                }

                return Result<long>.Success(newId);
            }, ct);
            if (!outcome.IsSuccess)
            {
                return Result<EnterpriseDetails>.Failure(outcome.Errors);
            }

            id = outcome.Value;
        }
        catch (Exception ex) when (UniqueViolation.Is(ex))
        {
            var taken = await store.TakenCodesAsync(gate.Province, e, null, ct);
            return taken.Count > 0
                ? Result<EnterpriseDetails>.Failure(Conflicts(taken))
                : Problem.Conflict("account", "member.exists", "This account already belongs to an enterprise; one enterprise per account.");
        }

        await gate.AuditAsync("submit", id, AuditOutcome.Succeeded, e.Uscc.Value, ct);
        return (await store.LoadAsync(gate.Province, id, ct))!;
    }

    public static List<Problem> Conflicts(IReadOnlyList<string> fields) => fields.Select(f => f == "uscc"
        ? Problem.Conflict("uscc", "uscc.registered", "An enterprise with this unified social credit code is already registered in this province.")
        : Problem.Conflict("customsCode", "customs-code.registered", "An enterprise with this customs registration code is already registered in this province.")).ToList();
}
