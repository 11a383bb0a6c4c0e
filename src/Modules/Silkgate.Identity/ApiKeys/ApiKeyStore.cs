using Dapper;
using Silkgate.Kernel.Data;

namespace Silkgate.Identity.ApiKeys;

/// <summary>Reads and writes <c>identity_api_keys</c>.</summary>
internal sealed class ApiKeyStore(DbSession session, Database database)
{
    private const string Columns =
        "id AS Id, prefix AS Prefix, secret_hash AS SecretHash, name AS Name, enterprise_id AS EnterpriseId, created_by AS CreatedBy, " +
        "created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt";

    public async Task<ApiKeyRow?> FindByPrefixAsync(string prefix, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM identity_api_keys WHERE prefix = @Prefix", new { Prefix = prefix }, session.Transaction, cancellationToken: ct));
    }

    public async Task<ApiKeyRow?> FindByIdAsync(long id, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM identity_api_keys WHERE id = @Id", new { Id = id }, session.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(long enterpriseId, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM identity_api_keys WHERE enterprise_id = @EnterpriseId ORDER BY created_at DESC, id DESC",
            new { EnterpriseId = enterpriseId }, session.Transaction, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<long> InsertAsync(string prefix, string secretHash, string name, long enterpriseId, long createdBy, long at, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO identity_api_keys (prefix, secret_hash, name, enterprise_id, created_by, created_at) " +
            "VALUES (@Prefix, @SecretHash, @Name, @EnterpriseId, @CreatedBy, @At) RETURNING id",
            new { Prefix = prefix, SecretHash = secretHash, Name = name, EnterpriseId = enterpriseId, CreatedBy = createdBy, At = at },
            session.Transaction, cancellationToken: ct));
    }

    public async Task<bool> PrefixExistsAsync(string prefix, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM identity_api_keys WHERE prefix = @Prefix", new { Prefix = prefix }, session.Transaction, cancellationToken: ct)) > 0;
    }

    public async Task RevokeAsync(long id, long at, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE identity_api_keys SET revoked_at = COALESCE(revoked_at, @At) WHERE id = @Id", new { Id = id, At = at }, session.Transaction, cancellationToken: ct));
    }

    /// <summary>Stamps the last use on a connection of its own, outside the request's unit of work.</summary>
    public async Task TouchAsync(long id, long at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE identity_api_keys SET last_used_at = @At WHERE id = @Id", new { Id = id, At = at }, cancellationToken: ct));
    }
}
