using Silkgate.Ceb;

namespace Silkgate.Clearance.Declarations;

internal enum LifecycleAction
{
    /// <summary>First version of the document.</summary>
    Insert,

    /// <summary>A new version replaces the stored one (change, or a new document re-using the key of a deleted one).</summary>
    Replace,

    /// <summary>The document is marked deleted.</summary>
    Delete,

    /// <summary>Nothing is written; the entity is answered with <see cref="LifecycleDecision.Refusal"/>.</summary>
    Refuse,
}

internal sealed record LifecycleDecision(LifecycleAction Action, Refusal? Refusal = null)
{
    public static readonly LifecycleDecision Insert = new(LifecycleAction.Insert);
    public static readonly LifecycleDecision Replace = new(LifecycleAction.Replace);
    public static readonly LifecycleDecision Delete = new(LifecycleAction.Delete);
}

/// <summary>The rules of appType 1 new / 2 change / 3 delete, checked in this order; pure.</summary>
internal static class DocumentLifecycle
{
    public static LifecycleDecision Decide(StoredDocumentState? stored, IncomingDocument doc)
    {
        if (!doc.TakesPartInMatching)
        {
            // Stored-only declarations are keyed by their own guid and are not refused here (see clearance-matching.md).
            return stored is null ? LifecycleDecision.Insert : LifecycleDecision.Replace;
        }

        var codes = CustomsCodes.For(doc.Kind);
        var name = Describe(doc);
        if (doc.AppType == 0 || doc.AppStatus == 0 || doc.AppTime.Length != 14)
        {
            return Refuse(codes.Invalid, $"{name.Zh}的报送类型、报送状态或报送时间不正确", $"{name.En}: appType, appStatus or appTime is not valid");
        }

        bool live = stored is not null && stored.Status != DocumentStatus.Deleted;
        if (doc.AppType == 1 && live)
        {
            return NewDocumentMustNotRepeatALiveKey(codes, name);
        }

        if (doc.AppType != 1 && !live)
        {
            return ChangeMustFindTheDocument(codes, name);
        }

        if (doc.AppType != 1 && Customs.Receipts.CustomsStatuses.IsWithCustoms(stored!.Status))
        {
            return DocumentSentToCustomsCannotChange(codes, name);
        }

        if (stored is not null && string.CompareOrdinal(doc.AppTime, stored.AppTime) < 0)
        {
            return OlderMessageIsIgnored(codes, name, doc.AppTime, stored.AppTime);
        }

        return doc.AppType switch
        {
            1 => stored is null ? LifecycleDecision.Insert : LifecycleDecision.Replace,
            2 => LifecycleDecision.Replace,
            _ => LifecycleDecision.Delete,
        };
    }

    private static LifecycleDecision NewDocumentMustNotRepeatALiveKey(CustomsCodes codes, (string Zh, string En) name) =>
        Refuse(codes.Duplicate, $"已存在相同编号的{name.Zh}，新增被拒绝；如需修改请用报送类型2（变更）",
            $"a {name.En} with the same number already exists; send appType 2 (change) to modify it");

    private static LifecycleDecision ChangeMustFindTheDocument(CustomsCodes codes, (string Zh, string En) name) =>
        Refuse(codes.NotFound, $"未找到要变更或删除的{name.Zh}", $"no {name.En} with this number exists to change or delete");

    private static LifecycleDecision DocumentSentToCustomsCannotChange(CustomsCodes codes, (string Zh, string En) name) =>
        Refuse(codes.AlreadySent, $"该{name.Zh}已发送海关，状态不符，不能变更或删除", $"the {name.En} was already sent to customs and can no longer be changed or deleted");

    private static LifecycleDecision OlderMessageIsIgnored(CustomsCodes codes, (string Zh, string En) name, string sent, string stored) =>
        Refuse(codes.Stale, $"接收报文为旧报文数据（报送时间{sent}早于已存{name.Zh}的{stored}），不做处理",
            $"old message ignored: its appTime {sent} is earlier than the stored {name.En}'s {stored}");

    private static LifecycleDecision Refuse(int code, string zh, string en) => new(LifecycleAction.Refuse, new Refusal(code, zh, en));

    internal static (string Zh, string En) Describe(IncomingDocument doc) => doc.Kind switch
    {
        CebDocumentKind.Order => ($"订单[{doc.Facts.OrderNo}]", $"order {doc.Facts.OrderNo}"),
        CebDocumentKind.Payment => ($"支付单[{doc.Facts.PayTransactionId}]", $"payment {doc.Facts.PayTransactionId}"),
        CebDocumentKind.PaymentReceipt => ($"收款单[{doc.Facts.OrderNo}]", $"payment receipt for order {doc.Facts.OrderNo}"),
        CebDocumentKind.Waybill => ($"运单[{doc.Facts.LogisticsNo}]", $"waybill {doc.Facts.LogisticsNo}"),
        _ => ($"清单[{doc.Facts.CopNo ?? doc.Facts.OrderNo}]", $"list {doc.Facts.CopNo ?? doc.Facts.OrderNo}"),
    };
}
