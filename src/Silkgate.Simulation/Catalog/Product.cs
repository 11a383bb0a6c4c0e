namespace Silkgate.Simulation.Catalog;

/// <summary>Goods families of the zones' industrial belts (产业带) and of retail import.</summary>
internal enum Industry
{
    KidsApparel, Apparel, Knitwear, HomeTextiles, Leather, Footwear, Toys, WoodenToys, Furniture, Seating, Wood,
    Bamboo, Lighting, Kitchenware, Appliances, Electronics, Tools, Pumps, Valves, Moulds, Fasteners, Bearings,
    SewingMachines, CarParts, Batteries, StoneCarving, Celadon, Swords, Eyewear, Sports, Crafts,
    ImportBeauty, ImportFood, ImportWine, ImportLuxury,
}

/// <summary>
/// A product: a real 10-digit HS code of the tariff with its legal units (第一/第二法定计量单位), the declared unit,
/// a CNY retail price range, net weight per declared unit and, for import, the consumption-tax rate.
/// </summary>
internal sealed record Product(
    string Hs,
    string Name,
    string Unit,
    string Unit1,
    string? Unit2,
    decimal NetKg,
    decimal MinPrice,
    decimal MaxPrice,
    Industry Industry,
    decimal LitresPerUnit = 0,
    decimal ConsumptionTax = 0,
    decimal Vat = 0.13m)
{
    public bool IsImport => Industry >= Industry.ImportBeauty;

    /// <summary>Quantity in <paramref name="unit"/> of <paramref name="qty"/> declared units: kilograms and litres
    /// convert; counting units count the same articles.</summary>
    public decimal QuantityIn(string unit, decimal qty) => unit switch
    {
        "035" => Unit == "035" ? qty : Math.Round(qty * NetKg, 5),
        "095" => Math.Round(qty * LitresPerUnit, 5),
        _ => qty,
    };

    /// <summary>Cross-border retail import composite rate: (c + v) ÷ (1 − c) × 70 %.</summary>
    public decimal CompositeImportRate => (ConsumptionTax + Vat) / (1 - ConsumptionTax) * 0.7m;
}
