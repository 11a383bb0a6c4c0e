using System.Text.RegularExpressions;
using Dapper;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Matching;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Declarations;

/// <summary>
/// The writer's lookups take their own index even when planned on empty tables without statistics, as they are on a
/// new database: PostgreSQL keeps that generic plan for the life of the writer's connection.
/// </summary>
public abstract partial class LookupPlanTests(ClearanceDb db)
{
    /// <summary>Lookup, its parameter values in order of first appearance, and the index it must use.</summary>
    public static TheoryData<string, string[], string> Lookups => new()
    {
        { "document key", ["E", "Order", "1234567890|ORDER-1"], "ux_clearance_documents_key" },
        { "all keys of a message", ["[\"1234567890|ORDER-1\",\"1234567890|ORDER-2\"]", "Order", "E"], "ux_clearance_documents_key" },
        { "sale by logistics number", ["E", "3301000001", "WB0001"], "ix_clearance_sales_logistics" },
        { "list by customs number", ["I", "DeclarationList", "INVT001"], "ix_clearance_documents_invt" },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task Each_lookup_of_the_writer_uses_its_own_index(string lookup, string[] values, string index)
    {
        var sql = lookup switch
        {
            "document key" => Named(DocumentStore.FindSql),
            "all keys of a message" => KnownDocuments.FindManySql(db.Database.Dialect.IsPostgres),
            "sale by logistics number" => Named(SaleStore.FindByLogisticsSql),
            _ => "SELECT id FROM clearance_documents WHERE direction = @direction AND kind = @kind AND invt_no = @invtNo",
        };
        Assert.Contains(index, await PlanAsync(sql, values));
    }

    [Fact]
    public async Task The_batch_s_idempotency_lookup_probes_the_sender_and_guid_index()
    {
        // With a few thousand messages analyzed: against the hundred rows the planner expects of the JSON array, a join
        // would hash the whole table.
        const string messages = "INSERT INTO clearance_messages (seq, received_at, sender_enterprise_id, channel, message_guid, message_type, size_bytes, " +
            "outcome, sha256, chain_hash, raw) SELECT n, n, n % 50, 'Http', 'guid-' || n, 'CEB311Message', 1, 'Answered', 'h', 'c', X'00' FROM s";
        var fill = db.Database.Dialect.IsPostgres
            ? "WITH s(n) AS (SELECT generate_series(1, 5000)) " + messages.Replace("X'00'", "'\\x00'::bytea", StringComparison.Ordinal) + "; ANALYZE clearance_messages"
            : "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 5000) " + messages + "; ANALYZE clearance_messages";
        var plan = await PlanAfterAsync(fill, Named(Silkgate.Clearance.Ingest.BatchCommands.FindAnswersSql(db.Database.Dialect.IsPostgres)), "[[7,\"guid-7\"],[8,\"guid-8\"]]");
        Assert.Contains("clearance_messages_sender_guid", plan);
        Assert.DoesNotContain("Seq Scan on clearance_messages", plan);
    }

    /// <summary>A writer's statement with its positional parameters <c>$n</c> named <c>@pn</c>, as the other lookups are.</summary>
    private protected static string Named(Silkgate.Clearance.Ingest.HotSql sql) => Regex.Replace(sql.Text, @"\$(\d+)", "@p$1");

    /// <summary>The plan of <paramref name="sql"/>, its parameters bound in order of first appearance.</summary>
    protected Task<string> PlanAsync(string sql, params string[] values) => PlanAfterAsync(null, sql, values);

    /// <summary>The same, after <paramref name="setup"/>; all in a transaction that is rolled back.</summary>
    private async Task<string> PlanAfterAsync(string? setup, string sql, params string[] values)
    {
        await using var connection = await db.Database.OpenAsync(default);
        await using var transaction = await connection.BeginTransactionAsync();
        if (setup is not null)
        {
            await connection.ExecuteAsync(setup, transaction: transaction);
        }

        var names = Parameter().Matches(sql).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(values.Length, names.Count);
        if (!db.Database.Dialect.IsPostgres)
        {
            var args = new DynamicParameters();
            for (var i = 0; i < names.Count; i++)
            {
                args.Add(names[i][1..], values[i]);
            }

            return string.Join("\n", await QueryPlanAsync(connection, transaction, sql, args));
        }

        // A generic plan, as PostgreSQL keeps for a statement prepared on a long-lived connection.
        var positional = names.Select((n, i) => (n, i)).Aggregate(sql, (s, p) => Regex.Replace(s, Regex.Escape(p.n) + @"\b", "$" + (p.i + 1)));
        await connection.ExecuteAsync("SET LOCAL plan_cache_mode = force_generic_plan", transaction: transaction);
        var name = "lookup_" + Guid.NewGuid().ToString("N");
        await connection.ExecuteAsync($"PREPARE {name} AS {positional}", transaction: transaction);
        var literals = string.Join(", ", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"));
        var plan = string.Join("\n", await connection.QueryAsync<string>($"EXPLAIN EXECUTE {name}({literals})", transaction: transaction));
        await connection.ExecuteAsync($"DEALLOCATE {name}", transaction: transaction);
        return plan;
    }

    private static async Task<IEnumerable<string>> QueryPlanAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql,
        DynamicParameters args)
    {
        var rows = await connection.QueryAsync($"EXPLAIN QUERY PLAN {sql}", args, transaction);
        return rows.Select(r => (string)((IDictionary<string, object>)r)["detail"]);
    }

    [GeneratedRegex(@"@[A-Za-z0-9]+")]
    private static partial Regex Parameter();
}

public sealed class LookupPlanTestsOnSqlite(SqliteClearanceDb db) : LookupPlanTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class LookupPlanTestsOnPostgres(PostgresClearanceDb db) : LookupPlanTests(db), IClassFixture<PostgresClearanceDb>
{
    /// <summary>PostgreSQL only (ADR 0019): the sale, the document's state and the sale's documents, each by its index.</summary>
    [Fact]
    public async Task The_single_document_prefetch_probes_the_order_key_the_document_key_and_the_sale_s_documents()
    {
        var plan = await PlanAsync(Named(SalePrefetch.Sql), "E", "1234567890", "ORDER-1", "Order", "1234567890|ORDER-1");

        Assert.Contains("ux_clearance_sales_order", plan);
        Assert.Contains("ux_clearance_documents_key", plan);
        Assert.Contains("ix_clearance_documents_sale", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }
}
