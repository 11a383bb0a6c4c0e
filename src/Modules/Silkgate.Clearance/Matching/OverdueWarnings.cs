using Dapper;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Matching;

/// <summary>
/// Flags sales that have waited for their documents longer than <see cref="MatchingOptions.WaitWarningAfter"/>.
/// A background job calls <see cref="RaiseOverdueWarningsAsync"/> periodically; each sale is flagged once per wait
/// (the flag clears when the sale stops waiting).
/// </summary>
internal sealed class OverdueWarnings(Database database, IOptions<MatchingOptions> options)
{
    /// <summary>Flags the overdue waiting sales and returns their ids.</summary>
    public async Task<IReadOnlyList<long>> RaiseOverdueWarningsAsync(DateTimeOffset now, CancellationToken ct)
    {
        long cutoff = (now - options.Value.WaitWarningAfter).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var args = new { state = nameof(SaleState.Waiting), cutoff, at = now.ToUnixTimeMilliseconds() };
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM clearance_sales WHERE state = @state AND warned = 0 AND waiting_since_at <= @cutoff ORDER BY id",
            args, transaction, cancellationToken: ct))).ToList();
        if (ids.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE clearance_sales SET warned = 1, updated_at = @at WHERE state = @state AND warned = 0 AND waiting_since_at <= @cutoff",
                args, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        return ids;
    }
}
