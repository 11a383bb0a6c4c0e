using Dapper;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Tenancy;

/// <summary>Reads and writes the zone, district and park tables of the deployment's province.</summary>
internal sealed class TenancyStore(DbSession session, IOptions<PlatformOptions> options)
{
    private const string ZoneColumns = "code AS Code, name_zh AS NameZh, name_en AS NameEn, province_code AS ProvinceCode";
    private const string DistrictColumns = "d.code AS Code, d.zone_code AS ZoneCode, d.name_zh AS NameZh, d.name_en AS NameEn";
    private const string ParkColumns = "p.id AS Id, p.zone_code AS ZoneCode, p.district_code AS DistrictCode, p.name_zh AS NameZh, p.name_en AS NameEn, p.level AS Level";

    private string Province => options.Value.ProvinceCode;

    public async Task<IReadOnlyList<ZoneInfo>> ListZonesAsync(CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var rows = await c.QueryAsync<ZoneInfo>(new CommandDefinition(
            $"SELECT {ZoneColumns} FROM registry_zones WHERE province_code = @Province ORDER BY code",
            new { Province }, session.Transaction, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<ZoneInfo?> FindZoneAsync(string zoneCode, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ZoneInfo>(new CommandDefinition(
            $"SELECT {ZoneColumns} FROM registry_zones WHERE province_code = @Province AND code = @zoneCode",
            new { Province, zoneCode }, session.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<DistrictInfo>> ListDistrictsAsync(string zoneCode, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var rows = await c.QueryAsync<DistrictInfo>(new CommandDefinition(
            $"SELECT {DistrictColumns} FROM registry_districts d JOIN registry_zones z ON z.code = d.zone_code WHERE z.province_code = @Province AND d.zone_code = @zoneCode ORDER BY d.code",
            new { Province, zoneCode }, session.Transaction, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<DistrictInfo?> FindDistrictAsync(string districtCode, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<DistrictInfo>(new CommandDefinition(
            $"SELECT {DistrictColumns} FROM registry_districts d JOIN registry_zones z ON z.code = d.zone_code WHERE z.province_code = @Province AND d.code = @districtCode",
            new { Province, districtCode }, session.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ParkInfo>> ListParksAsync(string? zoneCode, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var rows = await c.QueryAsync<ParkRow>(new CommandDefinition(
            $"SELECT {ParkColumns} FROM registry_parks p JOIN registry_zones z ON z.code = p.zone_code WHERE z.province_code = @Province{(zoneCode is null ? "" : " AND p.zone_code = @zoneCode")} ORDER BY p.zone_code, p.id",
            new { Province, zoneCode }, session.Transaction, cancellationToken: ct));
        return rows.Select(r => r.ToInfo()).ToList();
    }

    public async Task<ParkInfo?> FindParkAsync(long parkId, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<ParkRow>(new CommandDefinition(
            $"SELECT {ParkColumns} FROM registry_parks p JOIN registry_zones z ON z.code = p.zone_code WHERE z.province_code = @Province AND p.id = @parkId",
            new { Province, parkId }, session.Transaction, cancellationToken: ct));
        return row?.ToInfo();
    }

    public async Task<bool> ParkNameExistsAsync(string zoneCode, string nameZh, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM registry_parks WHERE zone_code = @zoneCode AND name_zh = @nameZh",
            new { zoneCode, nameZh }, session.Transaction, cancellationToken: ct)) > 0;
    }

    public async Task<long> InsertParkAsync(ParkInfo park, long createdBy, long createdAt, CancellationToken ct)
    {
        var c = await session.ConnectionAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO registry_parks (zone_code, district_code, name_zh, name_en, level, created_by, created_at)
            VALUES (@ZoneCode, @DistrictCode, @NameZh, @NameEn, @Level, @createdBy, @createdAt) RETURNING id
            """,
            new { park.ZoneCode, park.DistrictCode, park.NameZh, park.NameEn, Level = park.Level.ToString(), createdBy, createdAt },
            session.Transaction, cancellationToken: ct));
    }

    private sealed class ParkRow
    {
        public long Id { get; init; }

        public string ZoneCode { get; init; } = "";

        public string DistrictCode { get; init; } = "";

        public string NameZh { get; init; } = "";

        public string? NameEn { get; init; }

        public string Level { get; init; } = "";

        public ParkInfo ToInfo() => new(Id, ZoneCode, DistrictCode, NameZh, NameEn, Enum.Parse<ParkLevel>(Level));
    }
}
