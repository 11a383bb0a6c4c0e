using System.Buffers.Binary;
using System.Net;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Gateway;

/// <summary>
/// SQLite only: the ingest writer does not checkpoint inside its commits; a background connection copies the log back.
/// Read from the WAL index (the -shm file) without checkpointing, so the test itself cannot do the copy it checks.
/// </summary>
public sealed class WalCheckpointTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private readonly GatewayHarness _gateway = GatewayHarness.For(host);

    [Fact]
    public async Task The_log_of_accepted_messages_is_copied_back_in_the_background_soon_after_the_commit()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = host.CreateClientWithKey(key);
        // The first batch may trigger the writer's periodic RESTART, which would also leave the log copied back.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Bytes(Order(sender.CustomsCode)))).StatusCode);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, Bytes(Order(sender.CustomsCode, entities: 20)))).StatusCode);
            // Other connections (the outbox dispatcher) may append to the log after the batch's checkpoint; those frames
            // wait for the checkpointer's next round, at most 5 s later.
            var (frames, copied) = await WaitForCopiedLogAsync(TimeSpan.FromSeconds(15));
            Assert.True(frames > 0 && copied == frames, $"log frames {frames}, copied back {copied}");
        }
    }

    /// <summary>mxFrame of the WAL index header and nBackfill of its checkpoint info (SQLite's wal.c layout, native byte order).</summary>
    private async Task<(uint Frames, uint Copied)> WaitForCopiedLogAsync(TimeSpan timeout)
    {
        var shm = Path.Combine(host.DataDirectory, "silkgate.db-shm");
        var until = DateTime.UtcNow + timeout;
        (uint, uint) last = (0, 0);
        while (DateTime.UtcNow < until)
        {
            var header = new byte[136];
            await using (var file = new FileStream(shm, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                await file.ReadExactlyAsync(header);
            }

            last = (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16)), BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(96)));
            if (last.Item1 > 0 && last.Item1 == last.Item2)
            {
                return last;
            }

            await Task.Delay(50);
        }

        return last;
    }
}
