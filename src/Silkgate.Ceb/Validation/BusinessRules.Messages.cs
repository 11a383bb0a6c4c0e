namespace Silkgate.Ceb.Validation;

internal sealed partial class BusinessRules
{
    private void CheckSignature()
    {
        var slot = message.Schema.FindSlot("Signature");
        if (slot is null || message.GetXml(slot.Index) is not null)
        {
            return;
        }
        if (_type.SignatureRequired || _declared)
        {
            var code = _type.ErrorFamily switch
            {
                "-621" => "-621026",
                "-623" => "-623017",
                "-625" => "-625028",
                _ => _type.ValidationErrorCode,
            };
            Add("Signature", "business.signature-required",
                _type.SignatureRequired ? $"{_type.RootName} must be signed" : "a declared message (appStatus 2) must be signed",
                _type.SignatureRequired ? $"{_type.RootName}必须加签" : "申报状态(appStatus=2)的报文必须加签", code);
        }
    }

    private void CheckMessageSpecific()
    {
        var tol = options.AmountTolerance;
        switch (message)
        {
            case Import.Ceb311Message m:
                for (int i = 0; i < m.Order.Count; i++)
                {
                    var h = m.Order[i].OrderHead;
                    if (h.GoodsValue is { } gv && h.Freight is { } fr && h.TaxTotal is { } tax && h.Discount is { } disc && h.ActuralPaid is { } paid
                        && Math.Abs(gv + fr + tax - disc - paid) > tol)
                    {
                        Add($"Order[{i + 1}]/OrderHead/acturalPaid", "business.actural-paid",
                            $"acturalPaid {paid} differs from goodsValue + freight + taxTotal − discount = {gv + fr + tax - disc}",
                            $"实际支付金额{paid}与商品价格+运杂费+代扣税款−非现金抵扣金额={gv + fr + tax - disc}不符");
                    }
                    LinesSum(h.GoodsValue, m.Order[i].OrderList, static l => l.TotalPrice, i, tol);
                }
                break;
            case Export.Ceb303Message m:
                for (int i = 0; i < m.Order.Count; i++)
                {
                    LinesSum(m.Order[i].OrderHead.GoodsValue, m.Order[i].OrderList, static l => l.TotalPrice, i, tol);
                }
                break;
        }
    }

    /// <summary>goodsValue of Order[order + 1] against the sum of its line totals (skipped when any is missing).</summary>
    private void LinesSum<T>(decimal? head, List<T> lines, Func<T, decimal?> total, int order, decimal tol)
    {
        if (head is not { } h)
        {
            return;
        }
        foreach (var l in lines)
        {
            if (total(l) is null)
            {
                return;
            }
        }
        decimal sum = 0;
        foreach (var l in lines)
        {
            sum += total(l)!.Value;
        }
        if (Math.Abs(sum - h) > tol)
        {
            Add($"Order[{order + 1}]/OrderHead/goodsValue", "business.head-total", $"goodsValue {h} differs from the sum of line totals {sum}", $"商品价格{h}与表体总价合计{sum}不符");
        }
    }
}
