using Silkgate.Ceb.CodeTables;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Schema;

namespace Silkgate.Ceb.Validation;

/// <summary>Business checks driven by field names, so one rule covers every message that carries the field.</summary>
internal sealed partial class BusinessRules(CebMessage message, CebValidationOptions options)
{
    private readonly List<CebProblem> _problems = [];
    private readonly CebMessageType _type = message.MessageType;
    // Path of the entity being checked, turned into text only when a problem is reported.
    private readonly PathStack _path = new();
    private bool _declared;

    public List<CebProblem> Run()
    {
        if (!IsUpper(message.Guid))
        {
            Add("@guid", "business.guid-case", "guid must be upper case", "guid须为大写");
        }
        Walk(message, message.Schema);
        CheckSignature();
        CheckMessageSpecific();
        return _problems;
    }

    private void Add(string path, string code, string en, string zh, string? customs = null) =>
        _problems.Add(new CebProblem(CebProblemLevel.Business, path, code, en, zh, customs ?? _type.ValidationErrorCode));

    private static bool IsUpper(string? s)
    {
        if (s is null)
        {
            return true;
        }
        foreach (var c in s)
        {
            if (c < 128 ? (uint)(c - 'a') <= 'z' - 'a' : char.IsLower(c))
            {
                return false;
            }
        }
        return true;
    }

    private void Walk(CebEntity e, SchemaEntity def)
    {
        foreach (var slot in def.Slots)
        {
            if (slot.Rules != FieldRules.None)
            {
                if (e.GetString(slot.Index) is { Length: > 0 } s)
                {
                    CheckField(slot, s);
                }
            }
            else if (slot.Kind == SlotKind.Entity)
            {
                int n = e.GetCount(slot.Index);
                for (int i = 0; i < n; i++)
                {
                    _path.Push(slot.Name, slot.Max > 1 ? i + 1 : 0);
                    Walk(e.GetChild(slot.Index, i), slot.Entity!);
                    _path.Pop();
                }
                if (slot.Max > 1 && slot.Entity!.Gnum is { } g)
                {
                    CheckGnum(e, slot, g);
                }
            }
        }
        CheckEntity(e, def);
    }

    private void CheckField(SchemaSlot slot, string s)
    {
        var r = slot.Rules;
        if ((r & FieldRules.Currency) != 0 && !CebCodeTables.Currencies.Contains(s))
        {
            Add(_path.Build(slot.Name), "business.currency", $"'{s}' is not a currency code of JGS-20", $"“{s}”不是有效的币制代码");
        }
        else if ((r & FieldRules.Unit) != 0 && !CebCodeTables.Units.Contains(s))
        {
            Add(_path.Build(slot.Name), "business.unit", $"'{s}' is not a unit code of JGS-20", $"“{s}”不是有效的计量单位代码");
        }
        else if ((r & FieldRules.Country) != 0 && !CebCodeTables.Countries.Contains(s))
        {
            Add(_path.Build(slot.Name), "business.country", $"'{s}' is not a country code of JGS-20", $"“{s}”不是有效的国别代码");
        }
        else if ((r & FieldRules.CustomsDistrict) != 0 && !CebCodeTables.CustomsDistricts.Contains(s))
        {
            Add(_path.Build(slot.Name), "business.customs-district", $"'{s}' is not a customs district code", $"“{s}”不是有效的关区代码");
        }
        else if ((r & FieldRules.GuidCase) != 0 && !IsUpper(s))
        {
            Add(_path.Build(slot.Name), "business.guid-case", "guid must be upper case", "guid须为大写");
        }
        else if ((r & FieldRules.AppStatus) != 0 && s == "2")
        {
            _declared = true;
        }
        if ((r & FieldRules.Uscc) != 0 && s.Length == 18 && !Identifiers.IsValidUscc(s))
        {
            Add(_path.Build(slot.Name), "business.uscc-check", $"'{s}' is not a valid unified social credit code (check character)", $"“{s}”不是有效的统一社会信用代码（校验位错误）");
        }
        if ((r & FieldRules.Time) != 0 && !TimeForm.IsValid(s, slot.Type!.Length))
        {
            var format = slot.Type!.Length switch { 14 => "yyyyMMddHHmmss", 17 => "yyyyMMddHHmmssfff", _ => "yyyyMMdd" };
            Add(_path.Build(slot.Name), "business.time", $"'{s}' is not an existing time in the form {format}", $"“{s}”不是格式为{format}的有效时间");
        }
    }

    private void CheckId(CebEntity e, SchemaSlot? type, SchemaSlot? number)
    {
        if (type is not null && number is not null && e.GetString(type.Index) == "1" && e.GetString(number.Index) is { } id && !Identifiers.IsValidResidentId(id))
        {
            Add(_path.Build(number.Name), "business.id-check", "not a valid resident identity number (18 characters, check character)", "不是有效的居民身份证号码（校验位错误）");
        }
    }

    private void CheckGnum(CebEntity parent, SchemaSlot lines, SchemaSlot gnum)
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
            bool repeated = g.Value >= 1 && g.Value <= n && seen[g.Value];
            if (g.Value >= 1 && g.Value <= n)
            {
                seen[g.Value] = true;
            }
            if (repeated || g != i + 1)
            {
                _path.Push(lines.Name, i + 1);
                var p = _path.Build("gnum");
                _path.Pop();
                if (repeated)
                {
                    Add(p, "business.gnum-repeated", $"gnum {g} is repeated", $"商品序号{g}重复", DuplicateGnumCode());
                }
                else
                {
                    Add(p, "business.gnum-sequence", $"gnum must run 1..{n} without gaps (expected {i + 1}, found {g})", $"商品序号须从1连续递增（应为{i + 1}，实为{g}）");
                }
            }
        }
    }

    private string DuplicateGnumCode() => _type.ErrorFamily switch
    {
        "-301" => "-301002",
        "-621" => "-621027",
        _ => _type.ValidationErrorCode,
    };

    private void CheckEntity(CebEntity e, SchemaEntity def)
    {
        CheckId(e, def.BuyerIdType, def.BuyerIdNumber);
        CheckId(e, def.PayerIdType, def.PayerIdNumber);
        if (def.Qty is { Type.Kind: SimpleKind.Decimal } q && def.Price is { } pr && def.TotalPrice is { } tp
            && e.GetDecimal(q.Index) is { } qty && e.GetDecimal(pr.Index) is { } price && e.GetDecimal(tp.Index) is { } total)
        {
            decimal expected;
            try { expected = qty * price; } catch (OverflowException) { expected = decimal.MaxValue; }
            if (Math.Abs(expected - total) > options.AmountTolerance)
            {
                Add(_path.Build("totalPrice"), "business.line-total", $"totalPrice {total} differs from qty × price = {expected}", $"总价{total}与数量×单价{expected}不符");
            }
        }
    }
}
