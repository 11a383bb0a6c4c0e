using Silkgate.Ceb;
using Export = Silkgate.Ceb.Export;
using Import = Silkgate.Ceb.Import;

namespace Silkgate.Sandbox.Customs;

/// <summary>One list of a 603/621 message: its head, its lines and the list alone as a message of its own.</summary>
internal sealed record ListShape(CebEntity Head, IReadOnlyList<CebEntity> Lines, CebMessage Single);

/// <summary>Splits list, cancellation and return messages into their entities in both directions.</summary>
internal static class ListShapes
{
    public static IReadOnlyList<ListShape> Lists(CebMessage message) => message switch
    {
        Import.Ceb621Message m => m.Inventory.Select(i => new ListShape(i.InventoryHead, i.InventoryList,
            new Import.Ceb621Message { Guid = m.Guid, Inventory = [i], BaseTransfer = m.BaseTransfer })).ToList(),
        Export.Ceb603Message m => m.Inventory.Select(i => new ListShape(i.InventoryHead, i.InventoryList,
            new Export.Ceb603Message { Guid = m.Guid, Inventory = [i], BaseTransfer = m.BaseTransfer })).ToList(),
        _ => [],
    };

    /// <summary>The single list stored for a list record (read back from its bytes).</summary>
    public static ListShape Stored(byte[] message)
    {
        var read = Silkgate.Ceb.Reading.CebReader.Read(message);
        return Lists(read.Message ?? throw new InvalidOperationException("stored list unreadable: " + read.FailureDetail))[0];
    }

    /// <summary>Cancellation entities (605/623), each alone as a message for its receipt.</summary>
    public static IReadOnlyList<(CebEntity Entity, CebMessage Single)> Cancels(CebMessage message) => message switch
    {
        Import.Ceb623Message m => m.InvtCancel.Select(c => ((CebEntity)c, (CebMessage)new Import.Ceb623Message { Guid = m.Guid, InvtCancel = [c], BaseTransfer = m.BaseTransfer })).ToList(),
        Export.Ceb605Message m => m.InvtCancel.Select(c => ((CebEntity)c, (CebMessage)new Export.Ceb605Message { Guid = m.Guid, InvtCancel = [c], BaseTransfer = m.BaseTransfer })).ToList(),
        _ => [],
    };

    /// <summary>Return entities (213/625): head, lines and the return alone as a message.</summary>
    public static IReadOnlyList<ListShape> Returns(CebMessage message) => message switch
    {
        Import.Ceb625Message m => m.InvtRefund.Select(r => new ListShape(r.InvtRefundHead, r.InvtRefundList,
            new Import.Ceb625Message { Guid = m.Guid, InvtRefund = [r], BaseTransfer = m.BaseTransfer })).ToList(),
        Export.Ceb213Message m => m.InvtRefund.Select(r => new ListShape(r.InvtRefundHead, r.InvtRefundList,
            new Export.Ceb213Message { Guid = m.Guid, InvtRefund = [r], BaseTransfer = m.BaseTransfer })).ToList(),
        _ => [],
    };

    /// <summary>Problems of the entity at <paramref name="index"/> (paths like <c>Inventory[2]/...</c>) and those outside every entity.</summary>
    public static IReadOnlyList<CebProblem> ProblemsOf(IReadOnlyList<CebProblem> problems, string entityName, int index)
    {
        var own = $"{entityName}[{index + 1}]";
        return problems.Where(p => p.Path.StartsWith(own, StringComparison.Ordinal)
            || !p.Path.StartsWith(entityName + "[", StringComparison.Ordinal) && !p.Path.StartsWith(entityName + "/", StringComparison.Ordinal)
            || p.Path.StartsWith(entityName + "/", StringComparison.Ordinal) && index == 0).ToList();
    }

    public static string Describe(IEnumerable<CebProblem> problems) =>
        string.Join("; ", problems.Select(p => $"{p.Path}: {p.MessageZh} ({p.Message})"));
}
