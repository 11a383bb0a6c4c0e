using Silkgate.Ceb;
using Silkgate.Ceb.Reading;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Simulation.Tests;

/// <summary>A document's head as read back from a generated message.</summary>
internal sealed record Head(GeneratedMessage Message, string OrderNo, CebEntity Entity)
{
    public string? this[string field] => Entity.GetFieldText(field);

    public static IEnumerable<Head> Of(GeneratedMessage m)
    {
        var msg = CebReader.Read(m.Bytes).Message!;
        IEnumerable<CebEntity> heads = msg switch
        {
            Ex.Ceb303Message x => x.Order.Select(o => o.OrderHead),
            Ex.Ceb403Message x => x.Receipts,
            Ex.Ceb505Message x => x.Logistics,
            Ex.Ceb603Message x => x.Inventory.Select(i => i.InventoryHead),
            Im.Ceb311Message x => x.Order.Select(o => o.OrderHead),
            Im.Ceb411Message x => x.Payment.Select(p => p.PaymentHead),
            Im.Ceb511Message x => x.Logistics.Select(l => l.LogisticsHead),
            Im.Ceb621Message x => x.Inventory.Select(i => i.InventoryHead),
            _ => [],
        };
        return heads.Select((h, i) => new Head(m, m.OrderNos[i], h));
    }
}
