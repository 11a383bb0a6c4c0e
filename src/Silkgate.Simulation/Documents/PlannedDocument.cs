using Silkgate.Ceb;
using Silkgate.Simulation.Enterprises;
using Silkgate.Simulation.Sales;

namespace Silkgate.Simulation.Documents;

/// <summary>One document of a sale as its sender will send it: when, which version, alone or batched.</summary>
/// <param name="Due">Send time (Beijing local).</param>
/// <param name="AppType">1 new, 2 change.</param>
/// <param name="AppTime">The document's appTime (not after <paramref name="Due"/>, except for stale changes).</param>
/// <param name="HeadGuid">guid of the business entity's head.</param>
/// <param name="Note">Note that tells versions apart, or null.</param>
/// <param name="MessageGuid">Fixed root guid (a message that is sent twice), else null: batched or alone with a fresh guid.</param>
internal sealed record PlannedDocument(
    DateTime Due,
    Sale Sale,
    CebMessageType Type,
    Party Sender,
    string AppType,
    DateTime AppTime,
    string HeadGuid,
    string? Note,
    string? MessageGuid)
{
    /// <summary>Sent in a message of its own (defect documents never share a message).</summary>
    public bool Standalone => MessageGuid is not null;
}
