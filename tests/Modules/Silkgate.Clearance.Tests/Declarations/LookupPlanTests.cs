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
    [Fact]
    public async Task The_document_key_lookup_uses_the_key_index()
    {
        var plan = await PlanAsync(DocumentStore.FindSql, "E", "Order", "1234567890|ORDER-1");
        Assert.Contains("ux_clearance_documents_key", plan);
    }

    [Fact]
    public async Task The_sale_lookup_by_logistics_number_uses_the_logistics_index()
    {
        var plan = await PlanAsync(SaleStore.FindByLogisticsSql, "E", "3301000001", "WB0001");
        Assert.Contains("ix_clearance_sales_logistics", plan);
    }

    [Fact]
    public async Task A_list_is_found_by_its_customs_number_through_that_number_s_index()
    {
        var plan = await PlanAsync("SELECT id FROM clearance_documents WHERE direction = @direction AND kind = @kind AND invt_no = @invtNo", "I", "DeclarationList", "INVT001");
        Assert.Contains("ix_clearance_documents_invt", plan);
    }

    /// <summary>The plan of <paramref name="sql"/>, its parameters bound in order of first appearance.</summary>
    private async Task<string> PlanAsync(string sql, params string[] values)
    {
        await using var connection = await db.Database.OpenAsync(default);
        var names = Parameter().Matches(sql).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(values.Length, names.Count);
        if (!db.Database.Dialect.IsPostgres)
        {
            var args = new DynamicParameters();
            for (var i = 0; i < names.Count; i++)
            {
                args.Add(names[i][1..], values[i]);
            }

            return string.Join("\n", await QueryPlanAsync(connection, sql, args));
        }

        // A generic plan, as PostgreSQL keeps for a statement prepared on a long-lived connection.
        var positional = names.Select((n, i) => (n, i)).Aggregate(sql, (s, p) => Regex.Replace(s, Regex.Escape(p.n) + @"\b", "$" + (p.i + 1)));
        await connection.ExecuteAsync("SET plan_cache_mode = force_generic_plan");
        var name = "lookup_" + Guid.NewGuid().ToString("N");
        await connection.ExecuteAsync($"PREPARE {name} AS {positional}");
        var literals = string.Join(", ", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"));
        var plan = string.Join("\n", await connection.QueryAsync<string>($"EXPLAIN EXECUTE {name}({literals})"));
        await connection.ExecuteAsync($"DEALLOCATE {name}; RESET plan_cache_mode");
        return plan;
    }

    private static async Task<IEnumerable<string>> QueryPlanAsync(System.Data.Common.DbConnection connection, string sql, DynamicParameters args)
    {
        var rows = await connection.QueryAsync($"EXPLAIN QUERY PLAN {sql}", args);
        return rows.Select(r => (string)((IDictionary<string, object>)r)["detail"]);
    }

    [GeneratedRegex(@"@[A-Za-z]+")]
    private static partial Regex Parameter();
}

public sealed class LookupPlanTestsOnSqlite(SqliteClearanceDb db) : LookupPlanTests(db), IClassFixture<SqliteClearanceDb>;

public sealed class LookupPlanTestsOnPostgres(PostgresClearanceDb db) : LookupPlanTests(db), IClassFixture<PostgresClearanceDb>;
