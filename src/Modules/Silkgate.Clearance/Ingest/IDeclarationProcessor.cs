using System.Data.Common;
using Silkgate.Ceb;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// The seam between the gateway (transport, raw store, idempotency, receipts) and the business of declarations
/// (document lifecycle, three-document matching, import limits). The ingest writer calls it for each readable,
/// schema-valid message, in arrival order, inside the batch transaction that also stores the raw message; so whatever
/// it writes becomes durable together with the message and its receipt, or not at all.
/// </summary>
internal interface IDeclarationProcessor
{
    Task<IReadOnlyList<EntityOutcome>> ProcessAsync(IngestContext context, CebMessage message, CancellationToken ct);
}

/// <summary>What the processor decided for one business entity of a message (its index among the message's entities).</summary>
/// <param name="ReturnStatus">1 saved, 2 accepted for declaration, or a negative customs error code.</param>
/// <param name="ReturnInfo">Readable explanation for the receipt's <c>returnInfo</c> (≤ 1000 characters).</param>
internal sealed record EntityOutcome(int EntityIndex, int ReturnStatus, string ReturnInfo);

/// <summary>The batch transaction and the facts about the message being processed.</summary>
internal sealed class IngestContext(DbConnection connection, DbTransaction transaction, IOutbox outbox, DbConnection? writes = null, HotStatements? hot = null)
{
    public DbConnection Connection { get; } = connection;

    /// <summary>
    /// For statements whose result, even the row count, nobody reads: on PostgreSQL they are queued and travel with the
    /// next statement that returns something (<see cref="StatementPipeline"/>); elsewhere the same as <see cref="Connection"/>.
    /// </summary>
    public DbConnection Writes { get; } = writes ?? connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>The statements run for every document, bound by position (see <see cref="HotSql"/>).</summary>
    public HotStatements Hot { get; } = hot ?? HotStatements.Once(connection, transaction);

    public HotStatement Statement(HotSql sql) => Hot.Get(sql);

    /// <summary>Integration events written in the same transaction.</summary>
    public IOutbox Outbox { get; } = outbox;

    /// <summary>Per entity handed to the processor, what goes to customs for it (built on the receiving thread).</summary>
    public IReadOnlyList<Customs.Declaring.PreparedDispatch?> Dispatches { get; init; } = [];

    /// <summary>The documents of the message handed to the processor, already decoded by the gateway; null when it must decode them.</summary>
    public IReadOnlyList<Declarations.IncomingDocument>? Documents { get; init; }

    public Customs.Declaring.PreparedDispatch? DispatchOf(int entityIndex) => entityIndex >= 0 && entityIndex < Dispatches.Count ? Dispatches[entityIndex] : null;

    /// <summary>The document being written and its dispatch, until the customs queue takes it; what is left is kept.</summary>
    public (long DocumentId, Customs.Declaring.PreparedDispatch Dispatch)? Pending { get; set; }

    /// <summary>Ids reserved for the documents this message inserts (PostgreSQL, several documents); null: the insert returns it.</summary>
    public Declarations.DocumentIds? DocumentIds { get; set; }

    /// <summary>Id of the raw message in the evidence store.</summary>
    public long MessageId { get; set; }

    /// <summary>The registered enterprise whose key sent the message (the declarant or its agent).</summary>
    public long SenderEnterpriseId { get; set; }

    /// <summary>The zone of the sending enterprise (registry facts the gateway's sender check caches); null when unknown.</summary>
    public string? SenderZoneCode { get; set; }

    /// <summary>When the platform received the message (Unix ms, UTC).</summary>
    public long ReceivedAt { get; set; }
}

/// <summary>Adds integration events for other modules in the current transaction; a dispatcher publishes them after commit.</summary>
internal interface IOutbox
{
    void Add(string eventType, object payload);
}
