using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Crash;

/// <summary>
/// Kills the real server process (SIGKILL) while clients send concurrently, restarts it on the same data and proves:
/// every message answered 200 is stored exactly once, and every unanswered one can be sent again and then is stored exactly once.
/// </summary>
public sealed class CrashTests
{
    private const int Clients = 8;

    [Fact]
    public Task Acknowledged_messages_survive_a_kill_exactly_once_on_SQLite() => RunAsync(postgres: null);

    [Fact]
    public async Task Acknowledged_messages_survive_a_kill_exactly_once_on_PostgreSQL()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await RunAsync(connectionString);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task RunAsync(string? postgres)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("silkgate-crash-").FullName;
        var sender = await CrashTestSender.PrepareAsync(dataDirectory, postgres);
        var environment = new Dictionary<string, string>
        {
            ["SILKGATE_Database__DataDirectory"] = dataDirectory,
            ["SILKGATE_Database__Postgres"] = postgres ?? "",
            ["SILKGATE_Clearance__FileExchange__Enabled"] = "false",
        };

        var answered = new ConcurrentDictionary<string, byte[]>();
        var unanswered = new ConcurrentDictionary<string, byte[]>();
        var sent = new ConcurrentDictionary<string, byte[]>();
        var failures = new ConcurrentQueue<string>();
        var server = await ServerProcess.StartAsync(environment);
        try
        {
            var killed = 0;
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
            {
                using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
                sender.Authenticate(client);
                // Each client sends until it sees a failure after the kill (its requests in flight, or the next one, fail).
                while (answered.Count < 20_000)
                {
                    var message = Order(sender.CopCode);
                    var bytes = Bytes(message);
                    sent[message.Guid] = bytes;
                    try
                    {
                        var response = await client.PostAsync(new Uri("/api/v1/ceb/messages", UriKind.Relative), Xml(bytes));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            answered[message.Guid] = await response.Content.ReadAsByteArrayAsync();
                            continue;
                        }

                        failures.Enqueue(response.StatusCode.ToString());
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        failures.Enqueue(e.GetType().Name);
                    }

                    unanswered[message.Guid] = bytes;
                    if (Volatile.Read(ref killed) == 1)
                    {
                        break;
                    }
                }
            })).ToList();

            while (answered.Count < 300)
            {
                await Task.Delay(10);
            }

            server.Kill();
            Interlocked.Exchange(ref killed, 1);
            await Task.WhenAll(clients);
            Assert.False(unanswered.IsEmpty, $"every client should have seen the kill ({answered.Count} answered, {sent.Count} sent, {failures.Count} failures: {string.Join(", ", failures.Take(3))})");

            server.Dispose();
            server = await ServerProcess.StartAsync(environment);

            await using (var db = await OpenAsync(dataDirectory, postgres))
            {
                foreach (var guid in answered.Keys)
                {
                    Assert.Equal(1, await CountAsync(db, guid));
                }
            }

            using var resend = new HttpClient { BaseAddress = server.Address };
            sender.Authenticate(resend);
            foreach (var (guid, bytes) in unanswered)
            {
                var response = await resend.PostAsync(new Uri("/api/v1/ceb/messages", UriKind.Relative), Xml(bytes));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("CEB312Message", Parse(await response.Content.ReadAsStringAsync()).Root!.Name.LocalName);
            }

            // An acknowledged message sent again is answered with the very answer given before the crash.
            foreach (var (guid, first) in answered.Take(20))
            {
                var again = await (await resend.PostAsync(new Uri("/api/v1/ceb/messages", UriKind.Relative), Xml(sent[guid]))).Content.ReadAsByteArrayAsync();
                Assert.Equal(first, again);
            }

            await using (var db = await OpenAsync(dataDirectory, postgres))
            {
                foreach (var guid in answered.Keys.Concat(unanswered.Keys))
                {
                    Assert.Equal(1, await CountAsync(db, guid));
                }
            }
        }
        finally
        {
            server.Dispose();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<DbConnection> OpenAsync(string dataDirectory, string? postgres)
    {
        DbConnection connection = postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "silkgate.db")};Pooling=False")
            : new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        return connection;
    }

    private static Task<long> CountAsync(DbConnection db, string guid) =>
        db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clearance_messages WHERE message_guid = @guid AND outcome = 'Answered'", new { guid });
}
