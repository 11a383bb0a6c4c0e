using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb.Tests.Support;

/// <summary>Structural equality of two models through the schema slots; returns the first difference or null.</summary>
internal static class ModelComparer
{
    public static string? Difference(CebEntity a, CebEntity b, string path = "")
    {
        if (a.GetType() != b.GetType())
        {
            return $"{path}: type {a.GetType().Name} vs {b.GetType().Name}";
        }
        if (a is CebMessage ma && b is CebMessage mb && (ma.Guid != mb.Guid || ma.Version != mb.Version))
        {
            return $"{path}: root attributes differ";
        }
        foreach (var s in a.Schema.Slots)
        {
            var p = path + "/" + s.Name;
            switch (s.Kind)
            {
                case SlotKind.Simple:
                    if (a.GetString(s.Index) != b.GetString(s.Index) || a.GetDecimal(s.Index) != b.GetDecimal(s.Index) || a.GetInt(s.Index) != b.GetInt(s.Index))
                    {
                        return $"{p}: '{a.GetFieldText(s.Name)}' vs '{b.GetFieldText(s.Name)}'";
                    }
                    break;
                case SlotKind.Entity:
                    int n = a.GetCount(s.Index);
                    if (n != b.GetCount(s.Index))
                    {
                        return $"{p}: count {n} vs {b.GetCount(s.Index)}";
                    }
                    for (int i = 0; i < n; i++)
                    {
                        if (Difference(a.GetChild(s.Index, i), b.GetChild(s.Index, i), $"{p}[{i + 1}]") is { } d)
                        {
                            return d;
                        }
                    }
                    break;
                default:
                    if (a.GetXml(s.Index)?.ToString() != b.GetXml(s.Index)?.ToString())
                    {
                        return $"{p}: XML differs";
                    }
                    break;
            }
        }
        return null;
    }
}
