using System.Xml.Linq;
using Silkgate.Ceb;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Writing;
using Silkgate.Simulation.Enterprises;
using Ex = Silkgate.Ceb.Export;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Simulation.Documents;

/// <summary>Puts 1..100 entities of one type from one sender into a message with its BaseTransfer and signature, and
/// writes it.</summary>
internal sealed class MessageAssembler(TradeGeneratorOptions options)
{
    private static readonly XElement Placeholder = CebSamples.PlaceholderSignature();
    private readonly string _appStatus = options.AppStatus;

    public GeneratedMessage Assemble(IReadOnlyList<PlannedDocument> docs, string messageGuid, DateTime sendAt)
    {
        var first = docs[0];
        var sender = first.Sender;
        CebMessage message = first.Type.Code switch
        {
            303 => Fill(new Ex.Ceb303Message(), m => m.Order, docs, d => ExportEntities.Order(d, _appStatus), m => m.BaseTransfer = ExTransfer(sender)),
            403 => Fill(new Ex.Ceb403Message(), m => m.Receipts, docs, d => ExportEntities.Receipt(d, _appStatus), m => m.BaseTransfer = ExTransfer(sender)),
            505 => Fill(new Ex.Ceb505Message(), m => m.Logistics, docs, d => ExportEntities.Waybill(d, _appStatus), m => m.BaseTransfer = ExTransfer(sender)),
            603 => Fill(new Ex.Ceb603Message(), m => m.Inventory, docs, d => ExportEntities.List(d, _appStatus), m => m.BaseTransfer = ExTransfer(sender)),
            311 => Fill(new Im.Ceb311Message(), m => m.Order, docs, d => ImportEntities.Order(d, _appStatus), m => m.BaseTransfer = ImTransfer(sender)),
            411 => Fill(new Im.Ceb411Message(), m => m.Payment, docs, d => ImportEntities.Payment(d, _appStatus), m => m.BaseTransfer = ImTransfer(sender)),
            511 => Fill(new Im.Ceb511Message(), m => m.Logistics, docs, d => ImportEntities.Waybill(d, _appStatus), m => m.BaseTransfer = ImTransfer(sender)),
            _ => Fill(new Im.Ceb621Message(), m => m.Inventory, docs, d => ImportEntities.List(d, _appStatus), m => m.BaseTransfer = ImTransfer(sender)),
        };
        message.Guid = messageGuid;
        if (_appStatus == "2" || first.Type == CebMessageType.Ceb621)
        {
            Sign(message, sender);
        }
        var orderNos = new string[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            orderNos[i] = docs[i].Sale.OrderNo;
        }
        return new GeneratedMessage(new DateTimeOffset(sendAt, TimeSpan.FromHours(8)), sender.Code, first.Type, messageGuid, CebWriter.ToBytes(message), orderNos);
    }

    private void Sign(CebMessage message, Party sender)
    {
        if (options.Sign is { } sign)
        {
            sign(message, sender.Enterprise);
            return;
        }
        switch (message)
        {
            case Ex.Ceb303Message m: m.Signature = Placeholder; break;
            case Ex.Ceb403Message m: m.Signature = Placeholder; break;
            case Ex.Ceb505Message m: m.Signature = Placeholder; break;
            case Ex.Ceb603Message m: m.Signature = Placeholder; break;
            case Im.Ceb311Message m: m.Signature = Placeholder; break;
            case Im.Ceb411Message m: m.Signature = Placeholder; break;
            case Im.Ceb511Message m: m.Signature = Placeholder; break;
            case Im.Ceb621Message m: m.Signature = Placeholder; break;
        }
    }

    private static TMessage Fill<TMessage, TEntity>(TMessage message, Func<TMessage, List<TEntity>> list, IReadOnlyList<PlannedDocument> docs,
        Func<PlannedDocument, TEntity> build, Action<TMessage> transfer)
    {
        var entities = list(message);
        foreach (var d in docs)
        {
            entities.Add(build(d));
        }
        transfer(message);
        return message;
    }

    private static Ex.BaseTransfer ExTransfer(Party sender) =>
        new() { CopCode = sender.Code, CopName = sender.Name, DxpMode = "DXP", DxpId = "DXPENT" + sender.Code };

    private static Im.BaseTransfer ImTransfer(Party sender) =>
        new() { CopCode = sender.Code, CopName = sender.Name, DxpMode = "DXP", DxpId = "DXPENT" + sender.Code };
}
