using Silkgate.Ceb;
using Silkgate.Simulation.Catalog;
using Silkgate.Simulation.Enterprises;

namespace Silkgate.Simulation.Sales;

/// <summary>One goods line, shared by the order (gnum) and the list.</summary>
internal sealed record SaleLine(int Gnum, Product Product, string ItemNo, string BarCode, string Gmodel, string Origin, decimal Qty, decimal Price)
{
    public decimal Total => Qty * Price;
}

/// <summary>A person who buys imported goods; also the payer and usually the consignee.</summary>
internal sealed class Buyer(string idNumber, string name, string phone, string regNo, string district, string address, bool heavy)
{
    public string IdNumber { get; } = idNumber;
    public string Name { get; } = name;
    public string Phone { get; } = phone;
    public string RegNo { get; } = regNo;
    public string District { get; } = district;
    public string Address { get; } = address;
    public bool Heavy { get; } = heavy;
    public int Year { get; private set; }
    public decimal Spent { get; private set; }

    public decimal SpentIn(int year) => year == Year ? Spent : 0;

    public void Record(int year, decimal amount)
    {
        if (year != Year)
        {
            Year = year;
            Spent = 0;
        }
        Spent += amount;
    }
}

/// <summary>Where a parcel goes: name, phone, address.</summary>
internal sealed record Consignee(string Name, string Phone, string Address, string District);

/// <summary>A sale with everything its documents need, and the defects it was given.</summary>
internal sealed class Sale
{
    public required int Serial { get; init; }
    public required SimTradeMode Mode { get; init; }
    public required DateTime OrderedAt { get; init; }
    public required Party Seller { get; init; }
    public required Party Platform { get; init; }
    public required Party Logistics { get; init; }
    public required Party Payment { get; init; }
    public required Party Agent { get; init; }
    public Party? Warehouse { get; init; }
    public required string OrderNo { get; init; }
    public required string LogisticsNo { get; init; }
    public required string PayNo { get; init; }
    public required string CopNo { get; init; }
    public required string Country { get; init; }
    public required string TrafMode { get; init; }
    public required string PortCode { get; init; }
    public required List<SaleLine> Lines { get; set; }
    public decimal Freight { get; set; }
    public decimal Discount { get; set; }
    public decimal Tax { get; set; }
    public Buyer? Buyer { get; set; }
    public Consignee? Consignee { get; set; }

    public SaleDefects Defects { get; set; }
    public CebMessageType? Missing { get; set; }
    public decimal? PaidOverride { get; set; }
    public Consignee? WaybillConsignee { get; set; }
    public CebMessageType? Stale { get; set; }
    public CebMessageType? Duplicated { get; set; }

    public bool IsImport => Mode is SimTradeMode.Import9610 or SimTradeMode.Import1210;
    public bool IsB2B => Mode is SimTradeMode.Export9710 or SimTradeMode.Export9810;
    public decimal GoodsValue => Lines.Sum(l => l.Total);

    /// <summary>Import: goods + freight + tax − discount; export: goods + freight (what the buyer pays the seller).</summary>
    public decimal Paid => IsImport ? GoodsValue + Freight + Tax - Discount : GoodsValue + Freight;

    public decimal NetKg => Math.Round(Lines.Sum(l => l.Qty * (l.Product.Unit == "035" ? 1 : l.Product.NetKg)), 3);
    public decimal GrossKg => Math.Round((NetKg * 1.08m) + 0.1m, 3);

    public IReadOnlyList<CebMessageType> Documents => Mode switch
    {
        SimTradeMode.Import9610 or SimTradeMode.Import1210 => [CebMessageType.Ceb311, CebMessageType.Ceb411, CebMessageType.Ceb511, CebMessageType.Ceb621],
        SimTradeMode.Export9710 or SimTradeMode.Export9810 => [CebMessageType.Ceb303, CebMessageType.Ceb505, CebMessageType.Ceb603],
        _ => [CebMessageType.Ceb303, CebMessageType.Ceb403, CebMessageType.Ceb505, CebMessageType.Ceb603],
    };

    public GeneratedSale ToGenerated() => new()
    {
        OrderNo = OrderNo,
        Mode = Mode,
        OrderedAt = new DateTimeOffset(OrderedAt, TimeSpan.FromHours(8)),
        PlatformCode = Platform.Code,
        SellerCode = Seller.Code,
        LogisticsCode = Logistics.Code,
        LogisticsNo = LogisticsNo,
        PaymentCode = Documents.Count == 4 ? Payment.Code : null,
        AgentCode = Agent.Code,
        ZoneCode = Seller.Enterprise.ZoneCode,
        Country = Country,
        BuyerIdNumber = Buyer?.IdNumber,
        Lines = Lines.Count,
        GoodsValue = GoodsValue,
        Freight = Freight,
        TaxTotal = Tax,
        Paid = Paid,
        Defects = Defects,
        MissingDocument = Missing,
        Documents = Documents,
    };
}
