using System.Globalization;
using System.Text;
using Silkgate.Simulation.Sales;

namespace Silkgate.Simulation.Documents;

/// <summary>Field formats shared by the documents.</summary>
internal static class Format
{
    public static string Time(DateTime t) => t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    /// <summary>What the carrier can see: "name×qty" joined, at most 200 characters.</summary>
    public static string GoodsInfo(Sale s)
    {
        var sb = new StringBuilder();
        foreach (var l in s.Lines)
        {
            var part = l.Product.Name + "×" + l.Qty.ToString("0.#####", CultureInfo.InvariantCulture);
            if (sb.Length + part.Length + 1 > 200)
            {
                break;
            }
            if (sb.Length > 0)
            {
                sb.Append(';');
            }
            sb.Append(part);
        }
        return sb.ToString();
    }

    /// <summary>Bonded account book (账册) of the warehouse: T + customs district + W + 7 digits.</summary>
    public static string EmsNo(Sale s) => "T" + s.Seller.CustomsDistrict + "W" + (s.Warehouse ?? s.Logistics).Code[^4..] + "001";

    public static string ItemRecordNo(Sale s, SaleLine l) => l.ItemNo.Replace("-", "", StringComparison.Ordinal) + "R";

    /// <summary>Air waybill style master bill: 3-digit airline prefix, 8 digits.</summary>
    public static string BillNo(Sale s) => "999-" + (s.Serial % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
}
