using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb.Reading;
using Silkgate.Clearance.Customs.Exchange;
using Silkgate.Clearance.Customs.Transport;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>Each test on a database of its own: the sender takes every due entry, so tests must not see each other's.</summary>
public abstract class SendingTests : IAsyncLifetime
{
    private ClearanceDb _db = null!;

    protected abstract ClearanceDb CreateDb();

    public async Task InitializeAsync()
    {
        _db = CreateDb();
        await _db.InitializeAsync();
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_enqueued_list_reaches_to_customs_as_a_schema_valid_DxpMsg_carrying_the_signed_message()
    {
        await using var rig = new CustomsRig(_db);
        var (dispatch, _) = await rig.EnqueueListAsync();

        Assert.Equal(1, await rig.Sender.SendDueAsync(default));

        var file = Assert.Single(rig.SentFiles());
        Assert.Equal($"CEB621Message_{dispatch.MessageGuid}.xml", file);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(rig.ToCustoms, file));
        Assert.Empty(DxpSchema.Validate(bytes));
        var read = CebReader.Read(bytes);
        Assert.True(read.IsSchemaValid, string.Join("; ", read.Problems));
        var info = read.Envelope!.Message.TransInfo;
        Assert.Equal("CEB621Message", info.MsgType);
        Assert.Equal(dispatch.MessageGuid, info.CopMsgId);
        Assert.Equal(CustomsTransportOptions.DefaultDxpId, info.SenderId);
        Assert.Equal(["DXPEDCCEB0000002"], info.ReceiverIds);
        Assert.Equal([.. dispatch.Message!, .. TestSigner.Marker], read.Envelope.Message.Data.ToArray());
        var entry = await rig.EntryAsync(dispatch.MessageGuid);
        Assert.Equal(("Sent", 1L), (entry.State, entry.Attempts));
        Assert.Equal("SentToCustoms", await rig.DocumentStatusAsync(dispatch.DocumentId));
    }

    [Fact]
    public async Task An_entry_that_refers_to_the_received_message_sends_the_stored_bytes()
    {
        await using var rig = new CustomsRig(_db);
        var (dispatch, stored) = await rig.EnqueueListAsReceivedAsync();

        Assert.Equal(1, await rig.Sender.SendDueAsync(default));

        var file = Assert.Single(rig.SentFiles());
        var read = CebReader.Read(await File.ReadAllBytesAsync(Path.Combine(rig.ToCustoms, file)));
        Assert.Equal([.. stored, .. TestSigner.Marker], read.Envelope!.Message.Data.ToArray());
        Assert.Equal(("Sent", 1L), ((await rig.EntryAsync(dispatch.MessageGuid)).State, (await rig.EntryAsync(dispatch.MessageGuid)).Attempts));
    }

    [Fact]
    public async Task An_export_message_is_addressed_to_the_export_receiver()
    {
        await using var rig = new CustomsRig(_db);
        var envelope = rig.Get<CustomsEnvelopes>().Wrap("CEB603Message", "G-EXPORT", "<x/>"u8.ToArray())!;

        var read = CebReader.Read(envelope.Bytes);

        Assert.Equal(["DXPEDCCEB0000003"], read.Envelope!.Message.TransInfo.ReceiverIds);
        Assert.Empty(DxpSchema.Validate(envelope.Bytes));
    }

    [Fact]
    public async Task The_same_guid_enqueued_twice_is_one_entry_and_one_file()
    {
        await using var rig = new CustomsRig(_db);
        var (dispatch, _) = await rig.EnqueueListAsync();
        await rig.EnqueueAsync(dispatch);

        Assert.Equal(1, await rig.Sender.SendDueAsync(default));
        Assert.Equal(0, await rig.Sender.SendDueAsync(default));
        Assert.Single(rig.SentFiles());
    }

    [Fact]
    public async Task A_second_document_with_a_guid_already_queued_is_not_dropped()
    {
        await using var rig = new CustomsRig(_db);
        var (first, _) = await rig.EnqueueListAsync();
        var (second, _) = await rig.EnqueueListAsync();
        await rig.EnqueueAsync(second with { MessageGuid = first.MessageGuid });

        // Both documents are marked sent to customs, so both must really go (customs answers for the duplicate guid).
        Assert.Equal(3, await rig.Sender.SendDueAsync(default));
        await using var connection = await _db.Database.OpenAsync(default);
        Assert.Equal(2L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT COUNT(*) FROM clearance_customs_queue WHERE message_guid = @guid AND state = 'Sent'", new { guid = first.MessageGuid }));
    }

    [Fact]
    public async Task A_signing_refusal_fails_the_entry_until_an_administrator_retries_it()
    {
        await using var rig = new CustomsRig(_db);
        rig.Signer.Refused.Add(77);
        var (dispatch, _) = await rig.EnqueueListAsync(sender: 77);

        await rig.Sender.SendDueAsync(default);
        rig.Time.Advance(TimeSpan.FromHours(1));
        await rig.Sender.SendDueAsync(default);

        var failed = await rig.EntryAsync(dispatch.MessageGuid);
        Assert.Equal(("Failed", 1L), (failed.State, failed.Attempts));
        Assert.Contains("-621028", failed.LastError, StringComparison.Ordinal);
        Assert.Empty(rig.SentFiles());
        Assert.Equal("Declared", await rig.DocumentStatusAsync(dispatch.DocumentId));

        rig.Signer.Refused.Clear();
        Assert.True(await rig.Get<CustomsExchangeQueries>().RetryAsync(failed.Id, default));
        await rig.Sender.SendDueAsync(default);

        Assert.Equal("Sent", (await rig.EntryAsync(dispatch.MessageGuid)).State);
        Assert.Single(rig.SentFiles());
    }

    [Fact]
    public async Task A_transport_outage_delays_every_message_and_after_recovery_each_is_sent_exactly_once()
    {
        FlakyTransport? flaky = null;
        await using var rig = new CustomsRig(_db, transport: sp => flaky = new FlakyTransport(sp.GetRequiredService<DirectoryTransport>()));
        _ = rig.Get<ICustomsTransport>();
        flaky!.Down = true;
        var dispatches = new List<Silkgate.Clearance.Customs.CustomsDispatch>();
        for (var i = 0; i < 3; i++)
        {
            dispatches.Add((await rig.EnqueueListAsync()).Dispatch);
        }

        await rig.Sender.SendDueAsync(default);
        for (var minute = 0; minute < 10; minute++)
        {
            rig.Time.Advance(TimeSpan.FromMinutes(1));
            await rig.Sender.SendDueAsync(default);
        }

        foreach (var d in dispatches)
        {
            var waiting = await rig.EntryAsync(d.MessageGuid);
            Assert.Equal("Pending", waiting.State);
            Assert.True(waiting.Attempts >= 2, $"attempts {waiting.Attempts}");
            Assert.Contains("simulated outage", waiting.LastError, StringComparison.Ordinal);
            Assert.Equal("Declared", await rig.DocumentStatusAsync(d.DocumentId));
        }

        Assert.Empty(rig.SentFiles());

        flaky.Down = false;
        rig.Time.Advance(TimeSpan.FromMinutes(2));
        await rig.Sender.SendDueAsync(default);
        rig.Time.Advance(TimeSpan.FromMinutes(2));
        await rig.Sender.SendDueAsync(default);

        Assert.Equal(dispatches.Select(d => d.MessageGuid).Order(), flaky.Delivered.Order());
        Assert.Equal(3, rig.SentFiles().Length);
        foreach (var d in dispatches)
        {
            Assert.Equal("Sent", (await rig.EntryAsync(d.MessageGuid)).State);
            Assert.Equal("SentToCustoms", await rig.DocumentStatusAsync(d.DocumentId));
        }
    }

    [Fact]
    public async Task A_crash_between_send_and_mark_leaves_at_most_a_second_copy_with_the_same_guid()
    {
        await using var rig = new CustomsRig(_db);
        var (dispatch, _) = await rig.EnqueueListAsync();
        rig.Sender.AfterSend = _ => throw new OperationCanceledException("the process died here");

        await Assert.ThrowsAsync<OperationCanceledException>(() => rig.Sender.SendDueAsync(default));
        var name = Assert.Single(rig.SentFiles());
        var crashed = await rig.EntryAsync(dispatch.MessageGuid);
        Assert.Equal(("Pending", 0L), (crashed.State, crashed.Attempts));
        Assert.Equal("Declared", await rig.DocumentStatusAsync(dispatch.DocumentId));

        // Customs took the first copy meanwhile; the restarted node sends again once the lease has run out.
        File.Delete(Path.Combine(rig.ToCustoms, name));
        rig.Sender.AfterSend = null;
        rig.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await rig.Sender.SendDueAsync(default));
        rig.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await rig.Sender.SendDueAsync(default));

        Assert.Equal(name, Assert.Single(rig.SentFiles()));
        Assert.Equal("Sent", (await rig.EntryAsync(dispatch.MessageGuid)).State);
        Assert.Equal("SentToCustoms", await rig.DocumentStatusAsync(dispatch.DocumentId));
    }

    [Fact]
    public async Task After_a_failure_the_entry_waits_the_back_off_and_not_a_moment_less()
    {
        FlakyTransport? flaky = null;
        await using var rig = new CustomsRig(_db, transport: sp => flaky = new FlakyTransport(sp.GetRequiredService<DirectoryTransport>()));
        _ = rig.Get<ICustomsTransport>();
        flaky!.Down = true;
        var (dispatch, _) = await rig.EnqueueListAsync();

        // Base 2 s, doubling, jitter pinned to the full delay: 2, 4, 8 seconds.
        await rig.Sender.SendDueAsync(default);
        foreach (var seconds in new[] { 2, 4, 8 })
        {
            rig.Time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, await rig.Sender.SendDueAsync(default));
            rig.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, await rig.Sender.SendDueAsync(default));
        }

        Assert.Equal(4, flaky.Refused);
        Assert.Equal(4, (await rig.EntryAsync(dispatch.MessageGuid)).Attempts);
    }

    [Fact]
    public async Task Enqueueing_records_the_zone_of_the_sale()
    {
        await using var rig = new CustomsRig(_db);
        _db.Zones[4242] = "330500";

        var (dispatch, _) = await rig.EnqueueListAsync(sender: 4242);

        Assert.Equal("330500", (await rig.EntryAsync(dispatch.MessageGuid)).ZoneCode);
    }
}

public sealed class BackoffTests
{
    private static readonly SendingOptions Options = new() { BaseDelaySeconds = 2, MaxDelaySeconds = 60 };

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(1000, 60)]
    public void The_delay_doubles_from_the_base_up_to_the_maximum(long failures, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Ceiling(Options, failures));

    [Fact]
    public void Jitter_keeps_the_delay_between_half_and_all_of_the_ceiling()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), Backoff.Delay(Options, 3, 0));
        Assert.Equal(TimeSpan.FromSeconds(8), Backoff.Delay(Options, 3, 1));
        Assert.Equal(TimeSpan.FromSeconds(6), Backoff.Delay(Options, 3, 0.5));
    }
}

public sealed class SendingTestsOnSqlite : SendingTests
{
    protected override ClearanceDb CreateDb() => new SqliteClearanceDb();
}

public sealed class SendingTestsOnPostgres : SendingTests
{
    protected override ClearanceDb CreateDb() => new PostgresClearanceDb();
}
