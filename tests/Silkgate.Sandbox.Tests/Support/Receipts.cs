using Silkgate.Ceb;

namespace Silkgate.Sandbox.Tests.Support;

/// <summary>Reads the fields of a receipt's first return entity by XML name.</summary>
internal static class Receipts
{
    public static string Field(this Answer answer, string name, int entity = 0) => Entity(answer.Message, entity).GetFieldText(name) ?? string.Empty;

    public static string Status(this Answer answer, int entity = 0) => answer.Field("returnStatus", entity);

    /// <summary>The return entity at <paramref name="index"/>: the message's first repeated entity, or its single one (900).</summary>
    public static CebEntity Entity(CebMessage message, int index)
    {
        foreach (var property in message.GetType().GetProperties())
        {
            switch (property.GetValue(message))
            {
                case System.Collections.IList { Count: > 0 } list when list[0] is CebEntity:
                    var entity = (CebEntity)list[index]!;
                    // Tax bills nest their head one level down.
                    return entity.GetType().GetProperties().Select(p => p.GetValue(entity)).OfType<CebEntity>().FirstOrDefault() ?? entity;
                case CebEntity single:
                    return single;
            }
        }
        throw new ArgumentException($"no return entity in {message.MessageType}");
    }

    public static List<Answer> OfType(this IEnumerable<Answer> answers, int code) => answers.Where(a => a.Type.Code == code).ToList();
}
