using System.Globalization;
using Silkgate.Ceb.CodeTables;
using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb.Validation;

/// <summary>Business checks driven by field names, so one rule covers every message that carries the field.</summary>
internal sealed partial class BusinessRules(CebMessage message, CebValidationOptions options)
{
    private readonly List<CebProblem> _problems = [];
    private readonly CebMessageType _type = message.MessageType;
    private bool _declared;

    public List<CebProblem> Run()
    {
        if (!IsUpper(message.Guid))
        {
            Add("@guid", "business.guid-case", "guid must be upper case", "guid须为大写");
        }
        Walk(message, message.Schema, "");
        CheckSignature();
        CheckMessageSpecific();
        return _problems;
    }

    private void Add(string path, string code, string en, string zh, string? customs = null) =>
        _problems.Add(new CebProblem(CebProblemLevel.Business, path, code, en, zh, customs ?? _type.ValidationErrorCode));

    private static bool IsUpper(string? s) => s is null || !s.Any(char.IsLower);

    private void Walk(CebEntity e, SchemaEntity def, string path)
    {
        foreach (var slot in def.Slots)
        {
            if (slot.Kind == SlotKind.Simple && slot.Type!.Kind == SimpleKind.String && e.GetString(slot.Index) is { Length: > 0 } s)
            {
                CheckField(slot, s, path);
            }
            else if (slot.Kind == SlotKind.Entity)
            {
                var p = path.Length == 0 ? slot.Name : path + "/" + slot.Name;
                int n = e.GetCount(slot.Index);
                for (int i = 0; i < n; i++)
                {
                    Walk(e.GetChild(slot.Index, i), slot.Entity!, slot.Max > 1 ? $"{p}[{i + 1}]" : p);
                }
                if (slot.Max > 1 && slot.Entity!.Gnum is { } g)
                {
                    CheckGnum(e, slot, g, p);
                }
            }
        }
        CheckEntity(e, def, path);
    }

    private void CheckField(SchemaSlot slot, string s, string parent)
    {
        var p = new LazyPath(parent, slot.Name);
        switch (slot.Name)
        {
            case "currency" or "fCurrency" or "iCurrency" when !CebCodeTables.Currencies.Contains(s):
                Add(p, "business.currency", $"'{s}' is not a currency code of JGS-20", $"“{s}”不是有效的币制代码");
                break;
            case "unit" or "unit1" or "unit2" when !CebCodeTables.Units.Contains(s):
                Add(p, "business.unit", $"'{s}' is not a unit code of JGS-20", $"“{s}”不是有效的计量单位代码");
                break;
            case "country" or "tradeCountry" when !CebCodeTables.Countries.Contains(s):
                Add(p, "business.country", $"'{s}' is not a country code of JGS-20", $"“{s}”不是有效的国别代码");
                break;
            case "customsCode" or "portCode" or "ieCustoms" when slot.Type!.Length == 4 && !CebCodeTables.CustomsDistricts.Contains(s):
                Add(p, "business.customs-district", $"'{s}' is not a customs district code", $"“{s}”不是有效的关区代码");
                break;
            case "guid" or "headGuid" or "cancelGuid" when !IsUpper(s):
                Add(p, "business.guid-case", "guid must be upper case", "guid须为大写");
                break;
            case "appStatus" when s == "2":
                _declared = true;
                break;
        }
        if (slot.Name.EndsWith("Code", StringComparison.Ordinal) && slot.Type!.MaxLength == 18 && s.Length == 18 && !Identifiers.IsValidUscc(s))
        {
            Add(p, "business.uscc-check", $"'{s}' is not a valid unified social credit code (check character)", $"“{s}”不是有效的统一社会信用代码（校验位错误）");
        }
        var format = slot.Type!.Length switch
        {
            14 when slot.Name.EndsWith("Time", StringComparison.Ordinal) || slot.Name == "accountingDate" => "yyyyMMddHHmmss",
            17 when slot.Name is "returnTime" or "opDate" => "yyyyMMddHHmmssfff",
            8 when slot.Name is "declTime" or "ieDate" => "yyyyMMdd",
            _ => null,
        };
        if (format is not null && !DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Add(p, "business.time", $"'{s}' is not an existing time in the form {format}", $"“{s}”不是格式为{format}的有效时间");
        }
    }

    private void CheckId(CebEntity e, SchemaSlot? type, SchemaSlot? number, Func<string, string> path)
    {
        if (type is not null && number is not null && e.GetString(type.Index) == "1" && e.GetString(number.Index) is { } id && !Identifiers.IsValidResidentId(id))
        {
            Add(path(number.Name), "business.id-check", "not a valid resident identity number (18 characters, check character)", "不是有效的居民身份证号码（校验位错误）");
        }
    }

    /// <summary>Path text built only when a problem is reported.</summary>
    private readonly struct LazyPath(string parent, string name)
    {
        public static implicit operator string(LazyPath p) => p.ToString();
        public override string ToString() => parent.Length == 0 ? name : parent + "/" + name;
    }

    private void CheckGnum(CebEntity parent, SchemaSlot lines, SchemaSlot gnum, string path)
    {
        int n = parent.GetCount(lines.Index);
        Span<bool> seen = n < 512 ? stackalloc bool[n + 1] : new bool[n + 1];
        for (int i = 0; i < n; i++)
        {
            var g = parent.GetChild(lines.Index, i).GetInt(gnum.Index);
            if (g is null)
            {
                continue;
            }
            var p = $"{path}[{i + 1}]/gnum";
            bool repeated = g.Value >= 1 && g.Value <= n && seen[g.Value];
            if (g.Value >= 1 && g.Value <= n)
            {
                seen[g.Value] = true;
            }
            if (repeated)
            {
                Add(p, "business.gnum-repeated", $"gnum {g} is repeated", $"商品序号{g}重复", DuplicateGnumCode());
            }
            else if (g != i + 1)
            {
                Add(p, "business.gnum-sequence", $"gnum must run 1..{n} without gaps (expected {i + 1}, found {g})", $"商品序号须从1连续递增（应为{i + 1}，实为{g}）");
            }
        }
    }

    private string DuplicateGnumCode() => _type.ErrorFamily switch
    {
        "-301" => "-301002",
        "-621" => "-621027",
        _ => _type.ValidationErrorCode,
    };

    private void CheckEntity(CebEntity e, SchemaEntity def, string path)
    {
        string P(string field) => path.Length == 0 ? field : path + "/" + field;
        CheckId(e, def.BuyerIdType, def.BuyerIdNumber, P);
        CheckId(e, def.PayerIdType, def.PayerIdNumber, P);
        if (def.Qty is { Type.Kind: SimpleKind.Decimal } q && def.Price is { } pr && def.TotalPrice is { } tp
            && e.GetDecimal(q.Index) is { } qty && e.GetDecimal(pr.Index) is { } price && e.GetDecimal(tp.Index) is { } total)
        {
            decimal expected;
            try { expected = qty * price; } catch (OverflowException) { expected = decimal.MaxValue; }
            if (Math.Abs(expected - total) > options.AmountTolerance)
            {
                Add(P("totalPrice"), "business.line-total", $"totalPrice {total} differs from qty × price = {expected}", $"总价{total}与数量×单价{expected}不符");
            }
        }
    }
}
