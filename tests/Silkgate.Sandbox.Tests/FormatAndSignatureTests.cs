using System.Text;
using Silkgate.Ceb;
using Silkgate.Ceb.Writing;

namespace Silkgate.Sandbox.Tests;

public sealed class FormatAndSignatureTests : IDisposable
{
    private readonly SandboxHarness _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_file_that_is_not_an_envelope_gets_a_900_with_minus_0001()
    {
        File.WriteAllText(Path.Combine(_sandbox.Folders.Inbox, "junk.xml"), "not xml at all");

        _sandbox.Run();

        var answer = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(900, answer.Type.Code);
        Assert.Equal("-0001", answer.Status());
        Assert.Equal("Unknown", answer.Field("oriMessageType"));
        Assert.Empty(XsdOracle.Validate(answer.Payload, CebDirection.Import));
    }

    [Fact]
    public void A_schema_invalid_list_gets_a_900_with_minus_0002_naming_the_field()
    {
        var list = TestMessages.ImportList(TestMessages.BuyerId(10), 100m);
        list.Inventory[0].InventoryHead.CustomsCode = "29910";

        _sandbox.Send(list);
        _sandbox.Run();

        var answer = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal("-0002", answer.Status());
        Assert.Contains("customsCode", answer.Field("returnInfo"), StringComparison.Ordinal);
        Assert.Equal(list.Guid, answer.Field("oriCopMsgId"));
    }

    [Fact]
    public void An_import_message_addressed_to_the_export_receiver_gets_minus_2002()
    {
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(11), 100m), receiver: "DXPEDCCEB0000003");

        _sandbox.Run();

        Assert.Equal("-2002", Assert.Single(_sandbox.NewAnswers()).Status());
    }

    [Fact]
    public void A_tampered_signed_list_is_refused_with_the_list_signature_code()
    {
        var list = TestMessages.ImportList(TestMessages.BuyerId(12), 100m);
        var signed = Encoding.UTF8.GetString(new Silkgate.Ceb.Signing.CebSigner(SandboxHarness.Enterprise.Credentials).Sign(CebWriter.ToBytes(list)));
        var tampered = signed.Replace("<ceb:qty>1</ceb:qty>", "<ceb:qty>2</ceb:qty>", StringComparison.Ordinal)
            .Replace("<ceb:totalPrice>100</ceb:totalPrice>", "<ceb:totalPrice>200</ceb:totalPrice>", StringComparison.Ordinal);
        Assert.NotEqual(signed, tampered);

        _sandbox.SendPayload(Encoding.UTF8.GetBytes(tampered), CebMessageType.Ceb621);
        _sandbox.Run();

        var answer = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(622, answer.Type.Code);
        Assert.Equal("-621028", answer.Status());
    }

    [Fact]
    public void A_list_with_a_placeholder_signature_is_refused_as_not_verifying()
    {
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(13), 100m), sign: false);

        _sandbox.Run();

        Assert.Equal("-621029", Assert.Single(_sandbox.NewAnswers()).Status());
    }

    [Fact]
    public void A_business_rule_failure_is_answered_with_the_family_code_and_the_problem()
    {
        var list = TestMessages.ImportList(TestMessages.BuyerId(14), 100m);
        list.Inventory[0].InventoryList[0].TotalPrice = 150m;

        _sandbox.Send(list);
        _sandbox.Run();

        var answer = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal("-621001", answer.Status());
        Assert.Contains("totalPrice", answer.Field("returnInfo"), StringComparison.Ordinal);
    }
}

public sealed class SystemErrorTests : IDisposable
{
    private readonly SandboxHarness _sandbox = new(o => (o.ExamineAfter, o.ReleaseAfter) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_message_whose_processing_fails_is_answered_with_minus_3001_and_changes_nothing()
    {
        _sandbox.Send(TestMessages.ImportList(TestMessages.BuyerId(70), 100m));
        _sandbox.Run();
        var invtNo = Assert.Single(_sandbox.NewAnswers()).Field("invtNo");
        _sandbox.Advance(TimeSpan.FromSeconds(2), steps: 2);
        _sandbox.NewAnswers();
        using (var connection = _sandbox.Store.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE lists SET message = x'00'";
            command.ExecuteNonQuery();
        }

        var name = _sandbox.Send(TestMessages.ImportReturn(invtNo, (1, 1m)));
        _sandbox.Run();

        var answer = Assert.Single(_sandbox.NewAnswers());
        Assert.Equal(900, answer.Type.Code);
        Assert.Equal("-3001", answer.Status());
        Assert.True(File.Exists(Path.Combine(_sandbox.Folders.Done, name)));
        var ended = _sandbox.Store.InTransaction(u => u.FindByInvtNo(invtNo)!.Ended);
        Assert.Null(ended);
    }
}
