using Silkgate.Identity.ApiKeys;
using Silkgate.Identity.Audit;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.Features.ManageApiKeys;

/// <summary>
/// Creates, lists and revokes API keys. An enterprise admin (signed in, not itself a key) manages the keys of its own
/// approved enterprise; the platform (province admin, command line) may create a key for any approved enterprise and
/// revoke any key.
/// </summary>
internal sealed class ApiKeyService(
    DbSession session,
    ApiKeyStore store,
    ApiKeyCache cache,
    IEnterpriseDirectory directory,
    IActorContext actors,
    AuditTrail audit,
    TimeProvider time) : IApiKeyService
{
    private const int MaxNameLength = 100;

    public async Task<Result<IReadOnlyList<ApiKeyInfo>>> ListAsync(CancellationToken ct)
    {
        if (actors.Current is not { Role: Role.EnterpriseAdmin, ApiKeyId: null, EnterpriseId: { } enterpriseId })
        {
            return Problem.Forbidden("Only an enterprise administrator manages API keys.");
        }

        var rows = await store.ListAsync(enterpriseId, ct);
        return Result<IReadOnlyList<ApiKeyInfo>>.Success(rows.Select(r => r.ToInfo()).ToList());
    }

    public async Task<Result<CreatedApiKey>> CreateAsync(string? name, CancellationToken ct)
    {
        var actor = actors.Current;
        if (actor is not { Role: Role.EnterpriseAdmin, ApiKeyId: null, EnterpriseId: { } enterpriseId })
        {
            await audit.RecordAsync(new AuditEntry("identity.api-key.create", null, AuditOutcome.Denied, "not an enterprise administrator"), actor, ct);
            return Problem.Forbidden("Only an enterprise administrator creates API keys.");
        }

        var enterprise = await directory.FindByIdAsync(enterpriseId, ct);
        return await CreateForAsync(actor, enterprise, name, ct);
    }

    public async Task<Result<CreatedApiKey>> CreateForEnterpriseAsync(string enterpriseCode, string? name, CancellationToken ct)
    {
        var actor = actors.Current;
        if (actor is not { Role: Role.ProvinceAdmin })
        {
            await audit.RecordAsync(new AuditEntry("identity.api-key.create", $"enterprise:{enterpriseCode}", AuditOutcome.Denied, "not the platform"), actor, ct);
            return Problem.Forbidden("Only the platform creates API keys for an enterprise by its code.");
        }

        var enterprise = await directory.FindByCodeAsync((enterpriseCode ?? "").Trim().ToUpperInvariant(), ct);
        if (enterprise is null)
        {
            return new Problem(ErrorKind.NotFound, "enterprise.not-found", $"No enterprise has the USCC or customs code '{enterpriseCode}'.", "enterprise");
        }

        return await CreateForAsync(actor, enterprise, name, ct);
    }

    public async Task<Result<ApiKeyInfo>> RevokeAsync(long id, CancellationToken ct)
    {
        var actor = actors.Current;
        if (actor is not ({ Role: Role.EnterpriseAdmin, ApiKeyId: null } or { Role: Role.ProvinceAdmin }))
        {
            await audit.RecordAsync(new AuditEntry("identity.api-key.revoke", $"api-key:{id}", AuditOutcome.Denied, "not an enterprise administrator"), actor, ct);
            return Problem.Forbidden("Only an enterprise administrator revokes API keys.");
        }

        var key = await store.FindByIdAsync(id, ct);
        if (key is null || (actor.Role == Role.EnterpriseAdmin && key.EnterpriseId != actor.EnterpriseId))
        {
            if (key is not null)
            {
                await audit.RecordAsync(new AuditEntry("identity.api-key.revoke", $"api-key:{id}", AuditOutcome.Denied, "key of another enterprise"), actor, ct);
            }

            return new Problem(ErrorKind.NotFound, "api-key.not-found", $"API key {id} was not found.", "id");
        }

        await store.RevokeAsync(id, time.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        cache.ForgetKey(key.Prefix);
        await audit.RecordAsync(new AuditEntry("identity.api-key.revoke", $"api-key:{id}", AuditOutcome.Succeeded, $"prefix {key.Prefix}"), actor, ct);
        return (await store.FindByIdAsync(id, ct))!.ToInfo();
    }

    private async Task<Result<CreatedApiKey>> CreateForAsync(Actor actor, EnterpriseSummary? enterprise, string? name, CancellationToken ct)
    {
        name = string.IsNullOrWhiteSpace(name) ? $"API key {time.GetUtcNow():yyyy-MM-dd}" : name.Trim();
        if (name.Length > MaxNameLength)
        {
            return Problem.Invalid("name", "name.too-long", $"A key name has at most {MaxNameLength} characters.");
        }

        if (enterprise is null)
        {
            return new Problem(ErrorKind.NotFound, "enterprise.not-found", "The enterprise was not found.", "enterprise");
        }

        if (enterprise.Status != EnterpriseStatus.Approved)
        {
            return new Problem(ErrorKind.Conflict, "enterprise.not-approved",
                $"API keys are issued to approved enterprises only; this enterprise is {enterprise.Status}.", "enterprise");
        }

        var created = await session.InTransactionAsync(async c =>
        {
            var generated = ApiKeyFormat.Generate();
            while (await store.PrefixExistsAsync(generated.Prefix, c))
            {
                generated = ApiKeyFormat.Generate();
            }

            var id = await store.InsertAsync(generated.Prefix, ApiKeyFormat.Hash(generated.Secret), name, enterprise.Id, actor.UserId,
                time.GetUtcNow().ToUnixTimeMilliseconds(), c);
            return new CreatedApiKey((await store.FindByIdAsync(id, c))!.ToInfo(), generated.Key);
        }, ct);
        cache.ForgetKey(created.Info.Prefix);
        await audit.RecordAsync(new AuditEntry("identity.api-key.create", $"api-key:{created.Info.Id}", AuditOutcome.Succeeded,
            $"prefix {created.Info.Prefix} for enterprise {enterprise.Id}"), actor, ct);
        return created;
    }
}
