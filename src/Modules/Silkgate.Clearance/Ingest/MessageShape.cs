using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Silkgate.Ceb;

namespace Silkgate.Clearance.Ingest;

/// <summary>
/// Generic access to the parts of any CEB message the gateway needs: its list of business entities (or return entities)
/// and its <c>BaseTransfer</c>. Looked up once per message class through the generated public properties.
/// </summary>
internal static class MessageShape
{
    private static readonly ConcurrentDictionary<Type, Accessors> Cache = new();

    /// <summary>The message's business entities in document order (for a receipt: its return entities).</summary>
    public static IList Entities(CebMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var a = For(message);
        return a.Entities?.GetValue(message) switch
        {
            IList list => list,
            CebEntity single => new List<CebEntity> { single },
            _ => Array.Empty<CebEntity>(),
        };
    }

    /// <summary>Replaces the entity list by the given entities (in order); for handing a filtered message to the processor.</summary>
    public static void ReplaceEntities(CebMessage message, IEnumerable<object> entities)
    {
        var a = For(message);
        if (a.Entities is null || !typeof(IList).IsAssignableFrom(a.Entities.PropertyType))
        {
            return;
        }

        var list = (IList)Activator.CreateInstance(a.Entities.PropertyType)!;
        foreach (var e in entities)
        {
            list.Add(e);
        }

        a.Entities.SetValue(message, list);
    }

    /// <summary>Restores a list previously read with <see cref="Entities"/>.</summary>
    public static void RestoreEntities(CebMessage message, IList original)
    {
        var a = For(message);
        if (a.Entities is not null && a.Entities.PropertyType.IsInstanceOfType(original))
        {
            a.Entities.SetValue(message, original);
        }
    }

    /// <summary>The sender code <c>BaseTransfer/copCode</c>, if the message has one.</summary>
    public static string? CopCode(CebMessage message)
    {
        var a = For(message);
        return (a.BaseTransfer?.GetValue(message) as CebEntity)?.GetFieldText("copCode");
    }

    private static Accessors For(CebMessage message) => Cache.GetOrAdd(message.GetType(), t =>
    {
        var entity = message.MessageType.EntityName;
        var entities = t.GetProperty(entity, BindingFlags.Public | BindingFlags.Instance);
        var baseTransfer = t.GetProperty("BaseTransfer", BindingFlags.Public | BindingFlags.Instance);
        return new Accessors(entities, baseTransfer);
    });

    private sealed record Accessors(PropertyInfo? Entities, PropertyInfo? BaseTransfer);
}
