namespace Silkgate.Registry.Contracts;

/// <summary>The province's zones, districts and parks (P1). Codes are administrative division codes (GB/T 2260); parks have their own ids.</summary>
public interface ITenancyDirectory
{
    Task<IReadOnlyList<ZoneInfo>> ListZonesAsync(CancellationToken ct);

    Task<ZoneInfo?> FindZoneAsync(string zoneCode, CancellationToken ct);

    Task<IReadOnlyList<DistrictInfo>> ListDistrictsAsync(string zoneCode, CancellationToken ct);
}

public sealed record ZoneInfo(string Code, string NameZh, string NameEn, string ProvinceCode);

public sealed record DistrictInfo(string Code, string ZoneCode, string NameZh, string NameEn);
