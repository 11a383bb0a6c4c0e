using Silkgate.Kernel.Errors;

namespace Silkgate.Registry.Contracts;

/// <summary>The province's zones, districts and parks (P1). Codes are administrative division codes (GB/T 2260); parks have their own ids.</summary>
public interface ITenancyDirectory
{
    /// <summary>The zones of the deployment's province, by code.</summary>
    Task<IReadOnlyList<ZoneInfo>> ListZonesAsync(CancellationToken ct);

    Task<ZoneInfo?> FindZoneAsync(string zoneCode, CancellationToken ct);

    Task<IReadOnlyList<DistrictInfo>> ListDistrictsAsync(string zoneCode, CancellationToken ct);

    Task<DistrictInfo?> FindDistrictAsync(string districtCode, CancellationToken ct);

    /// <summary>Parks of one zone, or of the whole province when <paramref name="zoneCode"/> is null.</summary>
    Task<IReadOnlyList<ParkInfo>> ListParksAsync(string? zoneCode, CancellationToken ct);

    Task<ParkInfo?> FindParkAsync(long parkId, CancellationToken ct);

    /// <summary>Adds a park; the current actor must administer the park's zone (zone admin of that zone, or province admin).</summary>
    Task<Result<ParkInfo>> AddParkAsync(ParkForm form, CancellationToken ct);
}

public sealed record ZoneInfo(string Code, string NameZh, string NameEn, string ProvinceCode);

public sealed record DistrictInfo(string Code, string ZoneCode, string NameZh, string NameEn);

/// <summary>Level of a park's designation (园区等级).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ParkLevel>))]
public enum ParkLevel
{
    /// <summary>市级</summary>
    Municipal,

    /// <summary>省级</summary>
    Provincial,

    /// <summary>国家级</summary>
    National,
}

public sealed record ParkInfo(long Id, string ZoneCode, string DistrictCode, string NameZh, string? NameEn, ParkLevel Level);

/// <summary>Input for a new park; text as entered, validated by the registry.</summary>
public sealed record ParkForm(string? ZoneCode, string? DistrictCode, string? NameZh, string? NameEn, string? Level);
