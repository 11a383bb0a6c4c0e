using Silkgate.Ceb;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Declarations;

internal sealed partial class DocumentDecoder
{
    /// <summary>Declarations that are stored but not (yet) matched: returns, cancellations, arrivals, departures, tallies,
    /// master/sub waybills, summary applications, deliveries and waybill statuses. Their key is their own guid.</summary>
    private static List<IncomingDocument> DecodeStoredOnly(CebMessage message)
    {
        IEnumerable<CebEntity> heads = message switch
        {
            Ex.Ceb213Message m => m.InvtRefund.Select(e => (CebEntity)e.InvtRefundHead),
            Ex.Ceb215Message m => m.InvtRefundDetail,
            Ex.Ceb507Message m => m.Arrival.Select(e => (CebEntity)e.ArrivalHead),
            Ex.Ceb509Message m => m.Departure.Select(e => (CebEntity)e.DepartureHead),
            Ex.Ceb605Message m => m.InvtCancel,
            Ex.Ceb607Message m => m.WayBill.Select(e => (CebEntity)e.WayBillHead),
            Ex.Ceb701Message m => m.SummaryApply.Select(e => (CebEntity)e.SummaryApplyHead),
            Im.Ceb513Message m => m.LogisticsStatus,
            Im.Ceb623Message m => m.InvtCancel,
            Im.Ceb625Message m => m.InvtRefund.Select(e => (CebEntity)e.InvtRefundHead),
            Im.Ceb711Message m => [m.Delivery.DeliveryHead],
            _ => [],
        };

        return heads.Select((h, i) =>
        {
            var facts = new DocumentFacts
            {
                EbpCode = Text(h.GetFieldText("ebpCode")), EbcCode = Text(h.GetFieldText("ebcCode")), OrderNo = Text(h.GetFieldText("orderNo")),
                LogisticsCode = Text(h.GetFieldText("logisticsCode")), LogisticsNo = Text(h.GetFieldText("logisticsNo")),
                AgentCode = Text(h.GetFieldText("agentCode")), CopNo = Text(h.GetFieldText("copNo")), InvtNo = Text(h.GetFieldText("invtNo")),
                CustomsCode = Text(h.GetFieldText("customsCode")),
            };
            return Doc(i, message, h.GetFieldText("guid"), h.GetFieldText("appType"), h.GetFieldText("appStatus"), h.GetFieldText("appTime"), facts);
        }).ToList();
    }
}
