using Silkgate.Ceb.Dxp;
using Silkgate.Clearance.Tests.Support;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>Each test on a database of its own: the sender takes every due entry, so tests must not see each other's.</summary>
public abstract class ReceivingTests : IAsyncLifetime
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
    public async Task An_answer_in_from_customs_is_applied_once_and_its_file_removed()
    {
        await using var rig = new CustomsRig(_db);
        var (receipt, envelope) = CustomsRig.Receipt();
        var file = await rig.DropAnswerAsync(envelope, $"CEB622Message_{receipt.Guid}");

        Assert.Equal(1, await rig.Receiver.ReceiveWaitingAsync(default));

        var applied = Assert.Single(rig.Sink.Applied);
        Assert.Equal(("CEB622Message", receipt.Guid), (applied.Type, applied.Guid));
        var payload = CebReaderPayload(envelope);
        Assert.Equal(payload, applied.Raw);
        Assert.False(File.Exists(file));
        Assert.Equal(1, await rig.StoredReceiptsAsync(receipt.Guid));
    }

    [Fact]
    public async Task A_redelivered_answer_is_removed_without_a_second_effect()
    {
        await using var rig = new CustomsRig(_db);
        var (receipt, envelope) = CustomsRig.Receipt();
        await rig.DropAnswerAsync(envelope, $"CEB622Message_{receipt.Guid}");
        await rig.Receiver.ReceiveWaitingAsync(default);

        var again = await rig.DropAnswerAsync(envelope, $"CEB622Message_{receipt.Guid}");
        var copy = await rig.DropAnswerAsync(envelope, $"CEB622Message_{receipt.Guid}.copy");
        Assert.Equal(2, await rig.Receiver.ReceiveWaitingAsync(default));

        Assert.Single(rig.Sink.Applied);
        Assert.Equal(1, await rig.StoredReceiptsAsync(receipt.Guid));
        Assert.False(File.Exists(again));
        Assert.False(File.Exists(copy));
    }

    [Fact]
    public async Task Bad_answers_go_to_rejected_with_their_reason_and_the_good_one_beside_them_is_applied()
    {
        await using var rig = new CustomsRig(_db);
        var (receipt, envelope) = CustomsRig.Receipt();
        var declaration = new Sale(Silkgate.Ceb.CebDirection.Import, "9610").ImportList();
        await rig.DropAnswerAsync("not xml at all"u8.ToArray(), "a-garbage");
        await rig.DropAnswerAsync(Messages.Bytes(receipt), "b-bare-receipt");
        await rig.DropAnswerAsync(DxpWriter.ToBytes(DxpWriter.Wrap(declaration, "DXPEDCCEB0000002", ["DXPSILKGATE00001"])), "c-declaration");
        await rig.DropAnswerAsync("<!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>"u8.ToArray(), "d-dtd");
        await rig.DropAnswerAsync(envelope, "e-good");

        Assert.Equal(5, await rig.Receiver.ReceiveWaitingAsync(default));

        Assert.Equal(receipt.Guid, Assert.Single(rig.Sink.Applied).Guid);
        var rejected = Path.Combine(rig.FromCustoms, "rejected");
        foreach (var (name, reason) in new[] { ("a-garbage", "Malformed"), ("b-bare-receipt", "not a DXP envelope"), ("c-declaration", "is a declaration"), ("d-dtd", "DtdProhibited") })
        {
            Assert.True(File.Exists(Path.Combine(rejected, name + ".xml")), name);
            Assert.Contains(reason, await File.ReadAllTextAsync(Path.Combine(rejected, name + ".xml.reason.txt")), StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(rig.FromCustoms));
    }

    [Fact]
    public async Task An_answer_whose_effect_could_not_be_stored_stays_and_is_applied_on_the_next_round()
    {
        await using var rig = new CustomsRig(_db);
        var (receipt, envelope) = CustomsRig.Receipt();
        var file = await rig.DropAnswerAsync(envelope, $"CEB622Message_{receipt.Guid}");
        rig.Sink.FailNext = true;

        Assert.Equal(0, await rig.Receiver.ReceiveWaitingAsync(default));
        Assert.True(File.Exists(file));
        Assert.Equal(0, await rig.StoredReceiptsAsync(receipt.Guid));

        Assert.Equal(1, await rig.Receiver.ReceiveWaitingAsync(default));
        Assert.Single(rig.Sink.Applied);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task A_file_still_being_written_is_not_taken()
    {
        await using var rig = new CustomsRig(_db);
        var (receipt, envelope) = CustomsRig.Receipt();
        Directory.CreateDirectory(rig.FromCustoms);
        var temp = Path.Combine(rig.FromCustoms, $".CEB622Message_{receipt.Guid}.tmp");
        await File.WriteAllBytesAsync(temp, envelope.AsMemory(0, envelope.Length / 2).ToArray());

        Assert.Equal(0, await rig.Receiver.ReceiveWaitingAsync(default));

        Assert.True(File.Exists(temp));
        Assert.Empty(rig.Sink.Applied);
    }

    [Fact]
    public async Task An_answer_over_the_size_limit_is_rejected_unread()
    {
        await using var rig = new CustomsRig(_db, s => s["Clearance:Customs:Receiving:MaxEnvelopeBytes"] = "1000");
        var (_, envelope) = CustomsRig.Receipt();
        await rig.DropAnswerAsync([.. envelope, .. new byte[2000]], "big");

        Assert.Equal(1, await rig.Receiver.ReceiveWaitingAsync(default));

        Assert.Empty(rig.Sink.Applied);
        Assert.Contains("at most 1000", await File.ReadAllTextAsync(Path.Combine(rig.FromCustoms, "rejected", "big.xml.reason.txt")), StringComparison.Ordinal);
    }

    private static byte[] CebReaderPayload(byte[] envelope) => Silkgate.Ceb.Reading.CebReader.Read(envelope).Envelope!.Message.Data.ToArray();
}

public sealed class ReceivingTestsOnSqlite : ReceivingTests
{
    protected override ClearanceDb CreateDb() => new SqliteClearanceDb();
}

public sealed class ReceivingTestsOnPostgres : ReceivingTests
{
    protected override ClearanceDb CreateDb() => new PostgresClearanceDb();
}
