using Silkgate.Ceb;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Declarations;

internal sealed partial class DocumentDecoder
{
    /// <summary>Declarations outside sales: returns, cancellations, arrivals, departures, tallies, master/sub waybills, summary
    /// applications, deliveries and waybill statuses. Their key is their own guid; the facts name what they refer to.</summary>
    private static List<IncomingDocument> DecodeStoredOnly(CebMessage message)
    {
        IEnumerable<(CebEntity Head, DocumentFacts Extra)> heads = message switch
        {
            Ex.Ceb213Message m => m.InvtRefund.Select(e => ((CebEntity)e.InvtRefundHead, new DocumentFacts { Lines = RefundLines(e.InvtRefundList.Select(l => (l.Gnum, l.Qty))) })),
            Ex.Ceb215Message m => m.InvtRefundDetail.Select(e => ((CebEntity)e, new DocumentFacts())),
            Ex.Ceb507Message m => m.Arrival.Select(e => ((CebEntity)e.ArrivalHead, new DocumentFacts { WaybillNumbers = Numbers(e.ArrivalList.Select(l => l.LogisticsNo)) })),
            Ex.Ceb509Message m => m.Departure.Select(e => ((CebEntity)e.DepartureHead, new DocumentFacts { WaybillNumbers = Numbers(e.DepartureList.Select(l => l.LogisticsNo)) })),
            Ex.Ceb605Message m => m.InvtCancel.Select(e => ((CebEntity)e, new DocumentFacts())),
            Ex.Ceb607Message m => m.WayBill.Select(e => ((CebEntity)e.WayBillHead, new DocumentFacts
            {
                WaybillNumbers = Numbers(e.WayBillList.Select(l => l.LogisticsNo)), ListNumbers = Numbers(e.WayBillList.Select(l => l.InvtNo)),
            })),
            Ex.Ceb701Message m => m.SummaryApply.Select(e => ((CebEntity)e.SummaryApplyHead, new DocumentFacts { ListNumbers = Numbers(e.SummaryApplyList.Select(l => l.InvtNo)) })),
            Im.Ceb513Message m => m.LogisticsStatus.Select(e => ((CebEntity)e, new DocumentFacts())),
            Im.Ceb623Message m => m.InvtCancel.Select(e => ((CebEntity)e, new DocumentFacts())),
            Im.Ceb625Message m => m.InvtRefund.Select(e => ((CebEntity)e.InvtRefundHead, new DocumentFacts { Lines = RefundLines(e.InvtRefundList.Select(l => (l.Gnum, l.Qty))) })),
            Im.Ceb711Message m => [((CebEntity)m.Delivery.DeliveryHead, new DocumentFacts { WaybillNumbers = Numbers(m.Delivery.DeliveryList.Select(l => l.LogisticsNo)) })],
            _ => [],
        };

        return heads.Select((x, i) =>
        {
            var h = x.Head;
            var facts = x.Extra with
            {
                EbpCode = Text(h.GetFieldText("ebpCode")), EbcCode = Text(h.GetFieldText("ebcCode")), OrderNo = Text(h.GetFieldText("orderNo")),
                LogisticsCode = Text(h.GetFieldText("logisticsCode")), LogisticsNo = Text(h.GetFieldText("logisticsNo")),
                AgentCode = Text(h.GetFieldText("agentCode")), CopNo = Text(h.GetFieldText("copNo") ?? h.GetFieldText("coElNo")),
                InvtNo = Text(h.GetFieldText("invtNo")), CustomsCode = Text(h.GetFieldText("customsCode")), PreNo = Text(h.GetFieldText("preNo")),
                TradeMode = Text(h.GetFieldText("tradeMode")),
            };
            return Doc(i, message, h.GetFieldText("guid"), h.GetFieldText("appType"), h.GetFieldText("appStatus"), h.GetFieldText("appTime"), facts);
        }).ToList();
    }

    private static List<LineFacts> RefundLines(IEnumerable<(int? Gnum, decimal? Qty)> lines) =>
        lines.Select(l => new LineFacts(l.Gnum ?? 0, null, null, Units(l.Qty), null, null, null)).ToList();

    private static List<string>? Numbers(IEnumerable<string?> values)
    {
        var list = values.Select(Text).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : list;
    }
}
