using Silkgate.Identity.Contracts;

namespace Silkgate.Identity.ApiKeys;

/// <summary>A row of <c>identity_api_keys</c>.</summary>
internal sealed class ApiKeyRow
{
    public long Id { get; init; }

    public string Prefix { get; init; } = "";

    public string SecretHash { get; init; } = "";

    public string Name { get; init; } = "";

    public long EnterpriseId { get; init; }

    public long CreatedBy { get; init; }

    public long CreatedAt { get; init; }

    public long? LastUsedAt { get; init; }

    public long? RevokedAt { get; init; }

    public ApiKeyInfo ToInfo() => new(
        Id, Prefix, Name, EnterpriseId, CreatedBy,
        DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
        LastUsedAt is { } u ? DateTimeOffset.FromUnixTimeMilliseconds(u) : null,
        RevokedAt is { } r ? DateTimeOffset.FromUnixTimeMilliseconds(r) : null);
}
