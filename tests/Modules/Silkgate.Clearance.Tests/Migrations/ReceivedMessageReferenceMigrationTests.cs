using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Data;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Migrations;

/// <summary>
/// Migration 0110 on a database that already holds queue entries and kept dispatches with their own bytes: they survive
/// it unchanged (ids too, and the queue's numbering goes on after them), and afterwards a row holds either bytes or a
/// reference to the received message, never both and never neither.
/// </summary>
public abstract partial class ReceivedMessageReferenceMigrationTests(FreshDatabase fresh) : IAsyncLifetime
{
    private const int Version = 110;

    private Database Database { get; set; } = null!;

    public async Task InitializeAsync() => Database = new Database(Options.Create(await fresh.CreateAsync()));

    public async Task DisposeAsync()
    {
        Database.Dispose();
        await fresh.DropAsync();
    }

    [Fact]
    public async Task Existing_entries_keep_their_bytes_and_ids_and_new_ones_may_refer_to_the_received_message()
    {
        await using var connection = await Database.OpenAsync(default);
        await ApplyAsync(connection, v => v < Version);
        const string Old = "INSERT INTO clearance_customs_queue (document_id, enterprise_id, zone_code, message_type, message_guid, message, state, attempts, " +
            "next_attempt_at, enqueued_at) VALUES (7, 3, 'Z1', 'CEB621Message', @guid, @bytes, 'Pending', 2, 100, 90) RETURNING id";
        await connection.ExecuteScalarAsync<long>(Old, new { guid = "G-FIRST", bytes = "<first/>"u8.ToArray() });
        var oldId = await connection.ExecuteScalarAsync<long>(Old, new { guid = "G-OLD", bytes = "<old/>"u8.ToArray() });
        await connection.ExecuteAsync(
            "INSERT INTO clearance_document_dispatches (document_id, message_type, message_guid, message) VALUES (8, 'CEB311Message', 'G-KEPT', @bytes)",
            new { bytes = "<kept/>"u8.ToArray() });

        await ApplyAsync(connection, v => v == Version);

        var old = await connection.QuerySingleAsync<(long Id, long DocumentId, string State, long Attempts, byte[] Message, long? MessageId)>(
            "SELECT id, document_id, state, attempts, message, message_id FROM clearance_customs_queue WHERE message_guid = 'G-OLD'");
        Assert.Equal((oldId, 7L, "Pending", 2L, (long?)null), (old.Id, old.DocumentId, old.State, old.Attempts, old.MessageId));
        Assert.Equal("<old/>"u8.ToArray(), old.Message);
        var kept = await connection.QuerySingleAsync<(long DocumentId, byte[] Message, long? MessageId)>(
            "SELECT document_id, message, message_id FROM clearance_document_dispatches WHERE message_guid = 'G-KEPT'");
        Assert.Equal((8L, (long?)null), (kept.DocumentId, kept.MessageId));
        Assert.Equal("<kept/>"u8.ToArray(), kept.Message);

        var next = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO clearance_customs_queue (document_id, enterprise_id, message_type, message_guid, message, message_id, state, attempts, next_attempt_at, " +
            "enqueued_at) VALUES (9, 3, 'CEB621Message', 'G-NEW', NULL, 5, 'Pending', 0, 100, 100) RETURNING id");
        Assert.True(next > oldId, $"the queue numbers on after the entries it kept (got {next} after {oldId})");
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO clearance_customs_queue (document_id, enterprise_id, message_type, message_guid, message, message_id, state, attempts, next_attempt_at, " +
            "enqueued_at) VALUES (10, 3, 'CEB621Message', 'G-NEITHER', NULL, NULL, 'Pending', 0, 100, 100)"));
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO clearance_document_dispatches (document_id, message_type, message_guid, message, message_id) VALUES (11, 'CEB311Message', 'G-BOTH', @bytes, 5)",
            new { bytes = "<x/>"u8.ToArray() }));
    }

    /// <summary>The module's scripts for this dialect whose version passes <paramref name="which"/>, in order, as the migrator chooses them.</summary>
    private async Task ApplyAsync(DbConnection connection, Func<int, bool> which)
    {
        var dialect = Database.Dialect;
        var assembly = typeof(ClearanceModule).Assembly;
        var scripts = new SortedDictionary<int, (string Resource, bool Specific)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (ScriptName().Match(resource) is not { Success: true } m || !which(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            {
                continue;
            }

            var specific = m.Groups[2].Success;
            if (specific && m.Groups[2].Value != (dialect.IsPostgres ? "postgres" : "sqlite"))
            {
                continue;
            }

            var version = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!scripts.TryGetValue(version, out var existing) || !existing.Specific)
            {
                scripts[version] = (resource, specific);
            }
        }

        Assert.NotEmpty(scripts);
        foreach (var (_, (resource, _)) in scripts)
        {
            await using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            await connection.ExecuteAsync(dialect.Expand(await reader.ReadToEndAsync()));
        }
    }

    [GeneratedRegex(@"^migrations/(\d{4})_[a-z0-9_]+?(?:\.(sqlite|postgres))?\.sql$")]
    private static partial Regex ScriptName();
}

public sealed class ReceivedMessageReferenceMigrationTestsOnSqlite() : ReceivedMessageReferenceMigrationTests(new FreshSqliteDatabase("silkgate-migration-"));

public sealed class ReceivedMessageReferenceMigrationTestsOnPostgres() : ReceivedMessageReferenceMigrationTests(new FreshPostgresDatabase());
