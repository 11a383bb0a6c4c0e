using System.Text;
using Silkgate.Ceb;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Receipts;
using Silkgate.Ceb.Signing;
using Silkgate.Ceb.Validation;

namespace Silkgate.Sandbox.Customs;

/// <summary>
/// The front desk: checks the envelope, the format (official XSD), the routing and the signature the way customs does,
/// answers what fails with 900 or the document's error code, and hands the rest to the desk of the document.
/// </summary>
internal static class CustomsDesk
{
    public static void Handle(CustomsContext ctx, CebReadResult file)
    {
        if (file.Envelope is null)
        {
            Format(ctx, "-0001", file.IsRefused ? file.FailureDetail! : "not a DXP envelope: the root must be dxp:DxpMsg", null, string.Empty, ReadOnlyMemory<byte>.Empty);
            return;
        }
        var envelope = file.Envelope.Message;
        var copMsgId = envelope.TransInfo.CopMsgId;
        var payload = envelope.Data;
        if (file.Problems.Count > 0)
        {
            Format(ctx, "-0002", "DXP envelope: " + ListShapes.Describe(file.Problems), null, copMsgId, payload);
            return;
        }
        var validation = CebValidator.Validate(payload);
        var read = validation.Read;
        if (read.Message is not { } message)
        {
            Format(ctx, "-0001", read.FailureDetail ?? "the payload is not a CEB message", null, copMsgId, payload);
            return;
        }
        var type = message.MessageType;
        if (type.Role != CebMessageRole.Declaration)
        {
            Format(ctx, "-2999", $"{type.RootName} is sent by customs, not to it", type, copMsgId, payload);
            return;
        }
        if (envelope.TransInfo.MsgType != type.RootName)
        {
            Format(ctx, "-0001", $"MsgType {envelope.TransInfo.MsgType} does not name the payload {type.RootName}", type, copMsgId, payload);
            return;
        }
        var receiver = ctx.Options.CustomsDxpId(type.Direction);
        if (!envelope.TransInfo.ReceiverIds.Contains(receiver, StringComparer.Ordinal))
        {
            Format(ctx, "-2002", $"地址不匹配: {type.Direction} messages go to {receiver}", type, copMsgId, payload);
            return;
        }
        var schema = validation.Problems.Where(p => p.Level == CebProblemLevel.Schema).ToList();
        if (schema.Count > 0)
        {
            Format(ctx, "-0002", "数据包不能通过schema验证: " + ListShapes.Describe(schema.Take(20)), type, copMsgId, payload);
            return;
        }
        if (ctx.Options.VerifySignatures && !SignatureAccepted(ctx, message, payload, copMsgId))
        {
            return;
        }
        var business = validation.Problems.Where(p => p.Level == CebProblemLevel.Business).ToList();
        switch (type.Code)
        {
            case 603 or 621: ListDesk.Declare(ctx, message, business); break;
            case 605 or 623: CancelDesk.Cancel(ctx, message, business); break;
            case 213 or 625: ReturnDesk.Return(ctx, message, business); break;
            case 701: SummaryDesk.Apply(ctx, message, business); break;
            default: PlainDesk.Answer(ctx, message, business); break;
        }
    }

    /// <summary>Answers a message whose processing failed with 900 −3001; its state changes were rolled back.</summary>
    public static void SystemError(CustomsContext ctx, CebReadResult file, string reason)
    {
        var envelope = file.Envelope?.Message;
        Format(ctx, "-3001", "数据库、中间件等系统错误 (sandbox): " + reason, null, envelope?.TransInfo.CopMsgId ?? string.Empty,
            envelope?.Data ?? ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>A signature present (or mandatory) must verify; lists, cancels and returns answer in their own codes, others with 900.</summary>
    private static bool SignatureAccepted(CustomsContext ctx, CebMessage message, ReadOnlyMemory<byte> payload, string copMsgId)
    {
        var type = message.MessageType;
        var result = CebSignatureVerifier.Default.Verify(payload.Span);
        if (result.IsValid || (result.Failure == CebSignatureFailure.MissingSignature && !type.SignatureRequired))
        {
            return true;
        }
        var code = type.Code switch
        {
            621 => result.ListCode?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            623 => "-623029",
            625 => "-625005",
            _ => null,
        };
        if (code is null)
        {
            Format(ctx, "-" + result.TransportCode, $"数字签名无效 {result.Failure}: {result.Reason}", type, copMsgId, payload);
            return false;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["preNo"] = ctx.NewPreNo() };
        ctx.Emit(CebReceipts.CreateReceipt(message, ctx.Result(code, $"验签失败！{result.Failure}: {result.Reason}", values)), $"{code} signature");
        return false;
    }

    private static void Format(CustomsContext ctx, string status, string info, CebMessageType? type, string copMsgId, ReadOnlyMemory<byte> payload)
    {
        var receipt = CebReceipts.CreateFormatReceipt(CebMessage.NewGuid(), copMsgId, type?.RootName ?? "Unknown",
            Encoding.UTF8.GetString(payload.Span), ctx.Result(status, info));
        ctx.Emit(receipt, $"{status} {type?.RootName ?? "unreadable"}", from: type?.Direction ?? CebDirection.Import);
    }
}
