using Silkgate.Ceb;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// Placeholder until declaration processing (lifecycle, matching, limits) is composed: every entity is "saved" (1), or
/// "declaring" (2) when its head asks to declare (<c>appStatus</c> 2). Registered with TryAdd, so the real processor wins.
/// </summary>
internal sealed class SavedOnlyDeclarationProcessor : IDeclarationProcessor
{
    public Task<IReadOnlyList<EntityOutcome>> ProcessAsync(IngestContext context, CebMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entities = MessageShape.Entities(message);
        var outcomes = new EntityOutcome[entities.Count];
        for (var i = 0; i < entities.Count; i++)
        {
            var declared = AppStatus((CebEntity)entities[i]!) == "2";
            outcomes[i] = new EntityOutcome(i, declared ? 2 : 1, declared ? "declaring" : "saved");
        }

        return Task.FromResult<IReadOnlyList<EntityOutcome>>(outcomes);
    }

    /// <summary>The entity's <c>appStatus</c>, on itself or on its head.</summary>
    private static string? AppStatus(CebEntity entity)
    {
        if (entity.GetFieldText("appStatus") is { } own)
        {
            return own;
        }

        foreach (var property in entity.GetType().GetProperties().Where(p => p.Name.EndsWith("Head", StringComparison.Ordinal)))
        {
            if ((property.GetValue(entity) as CebEntity)?.GetFieldText("appStatus") is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
