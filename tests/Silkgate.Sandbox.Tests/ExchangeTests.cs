using Silkgate.Ceb;
using Silkgate.Ceb.Samples;

namespace Silkgate.Sandbox.Tests;

public sealed class ExchangeTests : IDisposable
{
    private readonly SandboxHarness _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void An_import_list_file_in_gives_an_entered_receipt_out_in_a_schema_valid_envelope()
    {
        var name = _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(1), 100m));

        _sandbox.Run();

        var answer = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(622, answer.Type.Code);
        Assert.Equal("120", answer.Status());
        Assert.Empty(XsdOracle.Validate(answer.Payload, CebDirection.Import));
        Assert.Empty(XsdOracle.Validate(answer.Envelope, null));
        Assert.Equal("CEB622Message", answer.Dxp.TransInfo.MsgType);
        Assert.Equal("DXPEDCCEB0000002", answer.Dxp.TransInfo.SenderId);
        Assert.Equal([SandboxHarness.PlatformDxp], answer.Dxp.TransInfo.ReceiverIds);
        Assert.Equal(answer.Message.Guid, answer.Dxp.TransInfo.CopMsgId);
        Assert.Equal($"CEB622Message_{answer.Message.Guid}.xml", answer.File);
        Assert.False(File.Exists(Path.Combine(_sandbox.Folders.Inbox, name)));
        Assert.True(File.Exists(Path.Combine(_sandbox.Folders.Done, name)));
        Assert.Empty(Directory.GetFiles(_sandbox.Folders.Outbox, "*.tmp"));
    }

    public static TheoryData<int, int> RequestsAndReceipts() => new()
    {
        { 303, 304 }, { 403, 404 }, { 505, 506 }, { 507, 508 }, { 509, 510 }, { 603, 604 }, { 605, 606 }, { 607, 608 },
        { 213, 214 }, { 215, 216 }, { 701, 702 }, { 311, 312 }, { 411, 412 }, { 511, 512 }, { 513, 514 }, { 621, 622 },
        { 623, 624 }, { 625, 626 }, { 711, 712 },
    };

    [Theory]
    [MemberData(nameof(RequestsAndReceipts))]
    public void Every_request_is_answered_with_its_receipt_type_valid_against_the_official_xsd(int request, int receipt)
    {
        var type = CebMessageType.FromCode(request);
        var message = CebSamples.Create(type, 2);
        message.Guid = CebMessage.NewGuid();
        _sandbox.Send(message);

        _sandbox.Run();

        var answer = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(receipt, answer.Type.Code);
        var errors = XsdOracle.Validate(answer.Payload, type.Direction);
        Assert.True(errors.Count == 0, $"{answer.Status()} {answer.Field("returnInfo")}: {string.Join("; ", errors)}");
        Assert.Equal(_sandbox.Options.CustomsDxpId(type.Direction), answer.Dxp.TransInfo.SenderId);
        Assert.Matches(@"^\d{17}$", answer.Field("returnTime"));
        Assert.NotEmpty(answer.Field("returnInfo"));
    }

    [Fact]
    public void A_half_written_tmp_file_is_never_read()
    {
        var name = _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(2), 100m));
        var temp = Path.Combine(_sandbox.Folders.Inbox, "." + Path.GetFileNameWithoutExtension(name) + ".tmp");
        File.Move(Path.Combine(_sandbox.Folders.Inbox, name), temp);
        File.WriteAllText(temp, File.ReadAllText(temp)[..100]);

        _sandbox.Run();

        Assert.Empty(_sandbox.NewAnswers());
        Assert.True(File.Exists(temp));
    }

    [Fact]
    public void The_same_guid_again_is_answered_once_and_changes_no_state()
    {
        var list = TestMessages.ImportList(TestMessages.BuyerId(3), 100m);
        _sandbox.Send(list);
        _sandbox.Run();
        var first = _sandbox.NewAnswers();

        _sandbox.Send(list);
        _sandbox.Run();
        _sandbox.Advance(TimeSpan.FromMinutes(5), steps: 10);

        Assert.Single(first);
        var later = _sandbox.NewAnswers().OfType(622);
        Assert.Equal(["399", "800", "899"], later.Select(a => a.Status()));
        Assert.All(later, a => Assert.Equal(first[0].Field("invtNo"), a.Field("invtNo")));
        Assert.Empty(Directory.GetFiles(_sandbox.Folders.Inbox));
    }

    [Fact]
    public void A_list_declared_again_under_a_new_message_guid_is_refused_as_already_declared()
    {
        var list = TestMessages.ImportList(TestMessages.BuyerId(4), 100m);
        _sandbox.Send(list);
        list.Guid = CebMessage.NewGuid();
        _sandbox.Send(list);

        _sandbox.Run();

        Assert.Equal(["-621004", "120"], _sandbox.NewAnswers().Select(a => a.Status()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_restart_continues_timers_and_numbers_from_the_state_file()
    {
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(5), 100m));
        _sandbox.Run();
        var entered = Assert.Single(_sandbox.NewAnswers());

        using var restarted = _sandbox.Restart();
        restarted.NewAnswers();
        restarted.Send(TestMessages.ImportList(TestMessages.BuyerId(6), 100m));
        restarted.Run();
        restarted.Advance(_sandbox.Options.ExamineAfter);

        var answers = restarted.NewAnswers().OfType(622);
        var second = answers.Single(a => a.Status() == "120");
        Assert.Equal(long.Parse(entered.Field("invtNo")[9..]) + 1, long.Parse(second.Field("invtNo")[9..]));
        Assert.Contains(answers, a => a.Status() == "399" && a.Field("invtNo") == entered.Field("invtNo"));
    }

    [Fact]
    public void An_answer_left_in_the_outbox_by_a_crash_is_written_on_the_next_pass()
    {
        _sandbox.Store.InTransaction(u => { u.AddToOutbox("CEB622Message_X.xml", 0, [1, 2, 3]); return 0; });

        _sandbox.Run();

        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(_sandbox.Folders.Outbox, "CEB622Message_X.xml")));
    }
}
