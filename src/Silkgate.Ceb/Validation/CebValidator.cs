using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb.Validation;

/// <summary>Options of the business checks.</summary>
public sealed record CebValidationOptions
{
    /// <summary>Allowed difference between a line's totalPrice and qty × price, and between head totals and the sum of lines (default 0.01 yuan, to confirm with customs).</summary>
    public decimal AmountTolerance { get; init; } = 0.01m;

    public static CebValidationOptions Default { get; } = new();
}

/// <summary>Outcome of reading and fully validating a document.</summary>
public sealed class CebValidationResult(CebReadResult read, IReadOnlyList<CebProblem> problems)
{
    public CebReadResult Read { get; } = read;
    /// <summary>XSD-level then business problems.</summary>
    public IReadOnlyList<CebProblem> Problems { get; } = problems;
    public bool IsValid => Read.Failure is null && Problems.Count == 0;
}

/// <summary>Validation entry points. XSD-level rules and business rules are separate and can run alone.</summary>
public static class CebValidator
{
    /// <summary>Reads (one pass, XSD rules) and then runs the business checks on the model.</summary>
    public static CebValidationResult Validate(ReadOnlyMemory<byte> xml, CebReaderOptions? readerOptions = null, CebValidationOptions? options = null)
    {
        var read = CebReader.Read(xml, readerOptions);
        if (read.Message is null)
        {
            return new CebValidationResult(read, read.Problems);
        }
        var business = ValidateBusiness(read.Message, options);
        return new CebValidationResult(read, business.Count == 0 ? read.Problems : [.. read.Problems, .. business]);
    }

    /// <summary>XSD-level and business checks of a model built in code.</summary>
    public static IReadOnlyList<CebProblem> Validate(CebMessage message, CebValidationOptions? options = null) =>
        [.. ValidateSchema(message), .. ValidateBusiness(message, options)];

    /// <summary>The XSD rules a model can break: required fields and entities, occurrence limits, lengths, digits, fixed values, root attributes.</summary>
    public static IReadOnlyList<CebProblem> ValidateSchema(CebMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var problems = new List<CebProblem>();
        void Add(string path, Issue i) => problems.Add(new CebProblem(CebProblemLevel.Schema, path, i.Code, i.En, i.Zh, "0002"));
        if (message.Guid is null || message.Guid.Length != 36)
        {
            Add("@guid", new Issue("schema.length", "attribute guid must have 36 characters", "属性guid长度必须为36位"));
        }
        if (message.Version is null || message.Version.Length is < 1 or > 10)
        {
            Add("@version", new Issue("schema.max-length", "attribute version must have 1 to 10 characters", "属性version长度必须为1至10位"));
        }
        Walk(message, message.Schema, "", Add);
        return problems;
    }

    private static void Walk(CebEntity e, SchemaEntity def, string path, Action<string, Issue> add)
    {
        foreach (var slot in def.Slots)
        {
            var p = path.Length == 0 ? slot.Name : path + "/" + slot.Name;
            switch (slot.Kind)
            {
                case SlotKind.Simple:
                    if (!e.HasValue(slot))
                    {
                        if (slot.Min > 0)
                        {
                            add(p, new Issue("schema.missing-element", $"required element <{slot.Name}> is missing", $"缺少必填元素<{slot.Name}>"));
                        }
                        continue;
                    }
                    CheckValue(e, slot, p, add);
                    break;
                case SlotKind.Entity:
                    int n = e.GetCount(slot.Index);
                    if (n < slot.Min)
                    {
                        add(p, new Issue("schema.missing-element", $"required element <{slot.Name}> is missing", $"缺少必填元素<{slot.Name}>"));
                    }
                    else if (n > slot.Max)
                    {
                        add(p, new Issue("schema.too-many", $"<{slot.Name}> occurs more than {slot.Max} times", $"<{slot.Name}>出现次数超过{slot.Max}次"));
                    }
                    for (int i = 0; i < n; i++)
                    {
                        Walk(e.GetChild(slot.Index, i), slot.Entity!, slot.Max > 1 ? $"{p}[{i + 1}]" : p, add);
                    }
                    break;
                default:
                    if (slot.Min > 0 && slot.Kind == SlotKind.Signature && e.GetXml(slot.Index) is null)
                    {
                        add(p, new Issue("schema.missing-element", $"required element <{slot.Name}> is missing", $"缺少必填元素<{slot.Name}>"));
                    }
                    else if (slot.Kind == SlotKind.Signature && e.GetXml(slot.Index) is { } sig)
                    {
                        foreach (var issue in SignatureShape.Check(sig))
                        {
                            add(p, issue);
                        }
                    }
                    break;
            }
        }
    }

    private static void CheckValue(CebEntity e, SchemaSlot slot, string p, Action<string, Issue> add)
    {
        var t = slot.Type!;
        switch (t.Kind)
        {
            case SimpleKind.Decimal:
                if (Facets.CheckDigits(e.GetDecimal(slot.Index)!.Value, t.TotalDigits, t.FractionDigits) is { } d)
                {
                    add(p, d);
                }
                break;
            case SimpleKind.Int:
                if (Facets.CheckDigits(e.GetInt(slot.Index)!.Value, t.TotalDigits, t.FractionDigits) is { } n)
                {
                    add(p, n);
                }
                break;
            default:
                var s = e.GetString(slot.Index)!;
                if (s.Length == 0 && (slot.Fixed ?? slot.Default) is { } dflt)
                {
                    s = dflt;
                }
                if (t.Collapse)
                {
                    s = Facets.Collapse(s);
                }
                if (Facets.CheckLength(t, s.Length) is { } l)
                {
                    add(p, l);
                }
                if (slot.Fixed is { } f && s != f)
                {
                    add(p, Facets.Fixed(f));
                }
                if (s.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r')))
                {
                    add(p, new Issue("schema.character", "contains a character XML cannot carry", "包含XML不允许的字符"));
                }
                break;
        }
    }

    /// <summary>Checks the XSD cannot express: code tables, identifiers, dates, line and head arithmetic, gnum sequence, signatures.</summary>
    public static IReadOnlyList<CebProblem> ValidateBusiness(CebMessage message, CebValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new BusinessRules(message, options ?? CebValidationOptions.Default).Run();
    }
}
