using System.Text.Json;
using Dapper;
using Silkgate.Ceb;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Declarations;

/// <summary>
/// The stored state of a message's documents, read in one query per document type before the first is processed
/// instead of one lookup per document. A state is handed out only while nothing processed since could have changed
/// it: its key occurs once in the message, and no earlier document of the message touched the sale it is in (a ready
/// sale marks all its documents, a moved document re-evaluates its old sale). Otherwise the caller looks it up.
/// </summary>
internal sealed class KnownDocuments
{
    private readonly Dictionary<(CebDirection, CebDocumentKind, string), StoredDocumentState?> _states = [];
    private readonly HashSet<long> _touchedSales = [];

    /// <summary>The lookup for a message of several documents taking part in matching; null when one lookup each is as cheap.</summary>
    public static async Task<KnownDocuments?> LoadAsync(IngestContext c, IReadOnlyList<IncomingDocument> docs, bool postgres, CancellationToken ct)
    {
        var matching = docs.Where(d => d.TakesPartInMatching).ToList();
        if (matching.Count < 2)
        {
            return null;
        }

        var known = new KnownDocuments();
        foreach (var group in matching.GroupBy(d => (d.Direction, d.Kind)))
        {
            var once = group.GroupBy(d => d.BusinessKey).Where(g => g.Count() == 1).Select(g => g.Key).ToList();
            if (once.Count == 0)
            {
                continue;
            }

            foreach (var key in once)
            {
                known._states[(group.Key.Direction, group.Key.Kind, key)] = null;
            }

            var rows = await c.Connection.QueryAsync<(string Key, long Id, string Status, string AppTime, long Version, long? SaleId)>(new CommandDefinition(
                FindManySql(postgres),
                new { keys = JsonSerializer.Serialize(once), k = group.Key.Kind.ToString(), d = DocumentKeys.DirectionCode(group.Key.Direction) }, c.Transaction,
                cancellationToken: ct));
            foreach (var r in rows)
            {
                known._states[(group.Key.Direction, group.Key.Kind, r.Key)] = new StoredDocumentState(r.Id, Enum.Parse<DocumentStatus>(r.Status), r.AppTime, r.Version, r.SaleId);
            }
        }

        return known;
    }

    /// <summary>The keys come as one JSON array; on PostgreSQL as an array the key index is probed with (a plan that does not depend on statistics).</summary>
    internal static string FindManySql(bool postgres) =>
        "SELECT business_key, id, status, app_time, version, sale_id FROM clearance_documents WHERE " +
        (postgres ? "business_key = ANY(ARRAY(SELECT jsonb_array_elements_text(CAST(@keys AS jsonb))))" : "business_key IN (SELECT value FROM json_each(@keys))") +
        " AND kind = @k AND direction = @d";

    /// <summary>The stored state of <paramref name="doc"/> (null: never stored), when it is known and still valid.</summary>
    public bool TryGet(IncomingDocument doc, out StoredDocumentState? state) =>
        _states.Remove((doc.Direction, doc.Kind, doc.BusinessKey), out state) && (state?.SaleId is not { } sale || !_touchedSales.Contains(sale));

    /// <summary>A processed document worked on these sales.</summary>
    public void Touched(long? saleId, long? previousSaleId)
    {
        if (saleId is { } s)
        {
            _touchedSales.Add(s);
        }

        if (previousSaleId is { } p)
        {
            _touchedSales.Add(p);
        }
    }
}
