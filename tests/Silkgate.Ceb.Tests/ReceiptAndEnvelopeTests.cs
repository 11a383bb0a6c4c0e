using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Receipts;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Tests.Support;
using Silkgate.Ceb.Writing;

namespace Silkgate.Ceb.Tests;

public class ReceiptAndEnvelopeTests
{
    public static TheoryData<int> Declarations() =>
        new(CebMessageType.All.Where(t => t.ReceiptType is not null).Select(t => t.Code));

    private static readonly Dictionary<string, string> CustomsValues = new()
    {
        ["preNo"] = "B20261122000000001", ["invtNo"] = "29912026E000000001", ["copNo"] = "COP001", ["sumNo"] = "29912026E000000001",
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Receipt_copies_each_entity_keys_and_validates_against_the_xsd(int code)
    {
        var request = CebSamples.Create(CebMessageType.FromCode(code), lines: 1);
        var receipt = CebReceipts.CreateReceipt(request, new CebReceiptResult("120", "entered", new DateTime(2026, 11, 22, 13, 10, 0, 500, DateTimeKind.Local), CustomsValues));
        Assert.Same(request.MessageType.ReceiptType, receipt.MessageType);
        var xml = CebWriter.ToBytes(receipt);
        Assert.Empty(XsdOracle.Validate(xml, receipt.MessageType.Direction));
        var entity = receipt.GetChild(0, 0);
        Assert.Equal("20261122131000500", entity.GetFieldText("returnTime"));
        foreach (var key in request.MessageType.KeyFields.Where(k => !CustomsValues.ContainsKey(k)))
        {
            var source = request.GetChild(0, 0);
            Assert.Equal(Find(source, key) ?? entity.GetFieldText(key), entity.GetFieldText(key));
        }
    }

    private static string? Find(CebEntity e, string name) =>
        e.GetFieldText(name) ?? e.Schema.Slots.Where(s => s.Entity is not null && s.Max == 1).Select(s => Find(e.GetChild(s.Index, 0), name)).FirstOrDefault(v => v is not null);

    [Fact]
    public void Message_type_metadata_pairs_requests_and_receipts()
    {
        Assert.Equal(312, CebMessageType.Ceb311.ReceiptType!.Code);
        Assert.Same(CebMessageType.Ceb311, CebMessageType.Ceb312.RequestType);
        Assert.Equal("-301", CebMessageType.Ceb311.ErrorFamily);
        Assert.Contains("orderNo", CebMessageType.Ceb311.KeyFields);
        Assert.True(CebMessageType.Ceb621.SignatureRequired);
        Assert.False(CebMessageType.Ceb603.SignatureRequired);
        Assert.True(CebMessageType.TryParse("CEB311Message", out var t) && t == CebMessageType.Ceb311);
        Assert.True(CebMessageType.TryParse("603", out t) && t == CebMessageType.Ceb603);
        Assert.Equal(42, CebMessageType.All.Count);
    }

    [Fact]
    public void Format_receipt_900_is_xsd_valid()
    {
        var r = CebReceipts.CreateFormatReceipt(CebMessage.NewGuid(), "MSG1", "CEB311", "<bad/>", new CebReceiptResult("-1", "schema error", DateTime.Now));
        var errors = XsdOracle.Validate(CebWriter.ToBytes(r), CebDirection.Import);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Terminal_envelope_round_trips_and_yields_the_inner_message()
    {
        var inner = CebSamples.Create(CebMessageType.Ceb311);
        var env = DxpWriter.Wrap(inner, "DXPENT0000000001", ["DXPEDCCEB0000002"], createdAt: new DateTime(2026, 11, 22, 13, 0, 0));
        env.AddInfo = new DxpAddInfo { FileName = "a.xml", BizKey = [new DxpKey("orderNo", "ORD1")], IsTextEncode = "UTF-8" };
        var bytes = DxpWriter.ToBytes(env);
        Assert.Empty(XsdOracle.Validate(bytes, null));
        var read = CebReader.Read(bytes);
        Assert.True(read.IsSchemaValid, string.Join("\n", read.Problems));
        Assert.Equal("CEB311Message", read.Envelope!.Message.TransInfo.MsgType);
        Assert.Equal(["DXPEDCCEB0000002"], read.Envelope.Message.TransInfo.ReceiverIds);
        var payload = DxpWriter.ReadPayload(read.Envelope);
        Assert.Null(ModelComparer.Difference(inner, payload.Message!));
        Assert.Equal(bytes, DxpWriter.ToBytes(read.Envelope.Message));
    }

    [Fact]
    public void Transfer_envelope_round_trips()
    {
        var sv = new DxpMsgSv
        {
            SvNo = new DxpSvNo { MsgId = "N0000001202611221300000000000001", SendTime = "2026-11-22T13:00:00", EndNode = "EDCCEB02", StaNode = "N0000001" },
            DxpMsg = DxpWriter.Wrap(CebSamples.Create(CebMessageType.Ceb603), "DXPENT0000000001", ["DXPEDCCEB0000003"], createdAt: new DateTime(2026, 11, 22)),
        };
        var bytes = DxpWriter.ToBytes(sv);
        Assert.Empty(XsdOracle.Validate(bytes, null));
        var read = CebReader.Read(bytes);
        Assert.True(read.IsSchemaValid, string.Join("\n", read.Problems));
        Assert.Equal("EDCCEB02", read.Envelope!.Transfer!.SvNo.EndNode);
        Assert.True(DxpWriter.ReadPayload(read.Envelope).IsSchemaValid);
    }

    [Theory]
    [InlineData("<ReceiverIds></ReceiverIds>")]
    [InlineData("<ReceiverIds><ReceiverId>1</ReceiverId><ReceiverId>2</ReceiverId><ReceiverId>3</ReceiverId><ReceiverId>4</ReceiverId><ReceiverId>5</ReceiverId><ReceiverId>6</ReceiverId></ReceiverIds>")]
    [InlineData("<ReceiverIds><ReceiverId>12345678901234567</ReceiverId></ReceiverIds>")]
    public void Envelope_verdicts_match_the_xsd(string receivers)
    {
        var xml = System.Text.Encoding.UTF8.GetBytes(
            $"<DxpMsg ver=\"1.0\" xmlns=\"http://www.chinaport.gov.cn/dxp\"><TransInfo><CopMsgId>1</CopMsgId><SenderId>S</SenderId>{receivers}<CreatTime>2026-11-22T13:00:00</CreatTime><MsgType>CEB311Message</MsgType></TransInfo><Data>PGEvPg==</Data></DxpMsg>");
        Assert.NotEmpty(XsdOracle.Validate(xml, null));
        Assert.False(CebReader.Read(xml).IsSchemaValid);
    }

    [Fact]
    public void Envelope_payload_is_subject_to_the_same_limits()
    {
        var env = DxpWriter.Wrap(CebSamples.Create(CebMessageType.Ceb311), "S", ["R"]);
        var read = CebReader.Read(DxpWriter.ToBytes(env));
        Assert.Equal(CebReadFailure.TooLarge, DxpWriter.ReadPayload(read.Envelope!, new CebReaderOptions { MaxBytes = 100 }).Failure);
    }
}
