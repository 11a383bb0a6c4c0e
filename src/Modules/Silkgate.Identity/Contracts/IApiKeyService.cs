using Silkgate.Kernel.Errors;

namespace Silkgate.Identity.Contracts;

/// <summary>API keys of enterprise systems, managed by the enterprise's admin (or by the platform from the command line).</summary>
public interface IApiKeyService
{
    /// <summary>The keys of the current actor's enterprise.</summary>
    Task<Result<IReadOnlyList<ApiKeyInfo>>> ListAsync(CancellationToken ct);

    /// <summary>Creates a key for the current actor's enterprise (enterprise admin; enterprise must be approved). The secret is returned only here.</summary>
    Task<Result<CreatedApiKey>> CreateAsync(string? name, CancellationToken ct);

    /// <summary>Creates a key for an enterprise found by USCC or customs code; for the platform itself (command line, province admin).</summary>
    Task<Result<CreatedApiKey>> CreateForEnterpriseAsync(string enterpriseCode, string? name, CancellationToken ct);

    /// <summary>Revokes a key of the current actor's enterprise (province admins: any key). Unknown or foreign keys are not found.</summary>
    Task<Result<ApiKeyInfo>> RevokeAsync(long id, CancellationToken ct);
}

public sealed record ApiKeyInfo(
    long Id,
    string Prefix,
    string Name,
    long EnterpriseId,
    long CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);

/// <param name="Key">The full key <c>sgk_&lt;prefix&gt;_&lt;secret&gt;</c>; shown once, never stored.</param>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);
