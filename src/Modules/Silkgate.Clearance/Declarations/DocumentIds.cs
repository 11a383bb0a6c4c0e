using Dapper;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Declarations;

/// <summary>
/// PostgreSQL: ids for the documents of one message, taken from the table's own sequence in one statement, so that
/// inserting a document needs no answer and can wait in the writer's pipeline with its version row (one round trip per
/// document less). Ids left unused are gaps, as a rolled-back insert leaves anyway.
/// </summary>
internal sealed class DocumentIds(Queue<long> ids)
{
    public static async Task<DocumentIds> ReserveAsync(IngestContext c, int count, CancellationToken ct) =>
        new(new Queue<long>(await c.Connection.QueryAsync<long>(new CommandDefinition(
            "SELECT nextval(pg_get_serial_sequence('clearance_documents', 'id')) FROM generate_series(1, @count)",
            new { count }, c.Transaction, cancellationToken: ct))));

    public bool TryTake(out long id) => ids.TryDequeue(out id);
}
