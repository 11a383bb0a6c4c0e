using Dapper;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;

namespace Silkgate.Identity.Users;

/// <summary>Reads and writes <c>identity_users</c> within the unit of work's session.</summary>
internal sealed class UserStore(DbSession session)
{
    private const string Columns =
        "id AS Id, username AS Username, display_name AS DisplayName, password_hash AS PasswordHash, gov_role AS GovRole, " +
        "zone_code AS ZoneCode, agency AS Agency, failed_attempts AS FailedAttempts, locked_until AS LockedUntil, " +
        "created_at AS CreatedAt, last_sign_in_at AS LastSignInAt";

    public async Task<UserAccount?> FindByUsernameAsync(string username, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(
            $"SELECT {Columns} FROM identity_users WHERE username_key = @Key",
            new { Key = UserAccount.KeyOf(username) }, session.Transaction, cancellationToken: ct));
    }

    public async Task<UserAccount?> FindByIdAsync(long id, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<UserAccount>(new CommandDefinition(
            $"SELECT {Columns} FROM identity_users WHERE id = @Id", new { Id = id }, session.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<UserAccount>> ListGovernmentAsync(CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<UserAccount>(new CommandDefinition(
            $"SELECT {Columns} FROM identity_users WHERE gov_role IS NOT NULL ORDER BY username_key", transaction: session.Transaction, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<bool> ExistsAsync(string username, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM identity_users WHERE username_key = @Key",
            new { Key = UserAccount.KeyOf(username) }, session.Transaction, cancellationToken: ct)) > 0;
    }

    public async Task<long> InsertAsync(NewAccount account, long createdAt, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO identity_users (username, username_key, display_name, password_hash, gov_role, zone_code, agency, failed_attempts, created_at) " +
            "VALUES (@Username, @Key, @DisplayName, @PasswordHash, @GovRole, @ZoneCode, @Agency, 0, @CreatedAt) RETURNING id",
            new
            {
                Username = account.Username.Trim(),
                Key = UserAccount.KeyOf(account.Username),
                DisplayName = account.DisplayName.Trim(),
                account.PasswordHash,
                GovRole = account.GovernmentRole?.ToString(),
                account.ZoneCode,
                Agency = account.Agency?.ToString(),
                CreatedAt = createdAt,
            },
            session.Transaction, cancellationToken: ct));
    }

    /// <summary>Counts one more wrong password and returns the new count.</summary>
    public async Task<long> CountFailureAsync(long id, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE identity_users SET failed_attempts = failed_attempts + 1 WHERE id = @Id RETURNING failed_attempts",
            new { Id = id }, session.Transaction, cancellationToken: ct));
    }

    /// <summary>Locks the account until the given instant and starts counting afresh for the time after.</summary>
    public async Task LockAsync(long id, long until, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE identity_users SET failed_attempts = 0, locked_until = @Until WHERE id = @Id",
            new { Id = id, Until = until }, session.Transaction, cancellationToken: ct));
    }

    public async Task RecordSignInAsync(long id, long at, string? newHash, CancellationToken ct)
    {
        var connection = await session.ConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE identity_users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = @At, " +
            "password_hash = COALESCE(@NewHash, password_hash) WHERE id = @Id",
            new { Id = id, At = at, NewHash = newHash }, session.Transaction, cancellationToken: ct));
    }
}

internal sealed record NewAccount(string Username, string DisplayName, string PasswordHash, Role? GovernmentRole, string? ZoneCode, Agency? Agency);
