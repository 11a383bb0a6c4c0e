using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Tenancy;

/// <summary>The tenancy tree of the deployment's province, and adding parks to it.</summary>
internal sealed class TenancyDirectory(TenancyStore store, IActorContext actors, IServiceProvider services, TimeProvider time) : ITenancyDirectory
{
    public Task<IReadOnlyList<ZoneInfo>> ListZonesAsync(CancellationToken ct) => store.ListZonesAsync(ct);

    public Task<ZoneInfo?> FindZoneAsync(string zoneCode, CancellationToken ct) => store.FindZoneAsync(zoneCode, ct);

    public Task<IReadOnlyList<DistrictInfo>> ListDistrictsAsync(string zoneCode, CancellationToken ct) => store.ListDistrictsAsync(zoneCode, ct);

    public Task<DistrictInfo?> FindDistrictAsync(string districtCode, CancellationToken ct) => store.FindDistrictAsync(districtCode, ct);

    public Task<IReadOnlyList<ParkInfo>> ListParksAsync(string? zoneCode, CancellationToken ct) => store.ListParksAsync(zoneCode, ct);

    public Task<ParkInfo?> FindParkAsync(long parkId, CancellationToken ct) => store.FindParkAsync(parkId, ct);

    public async Task<Result<ParkInfo>> AddParkAsync(ParkForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var actor = actors.Current;
        if (actor is null || actor.Role is not (Role.ProvinceAdmin or Role.ZoneAdmin))
        {
            return Problem.Forbidden("Only province and zone administrators add parks.");
        }

        var problems = new List<Problem>();
        var zoneCode = form.ZoneCode?.Trim() ?? "";
        var districtCode = form.DistrictCode?.Trim() ?? "";
        var nameZh = form.NameZh?.Trim() ?? "";
        ZoneInfo? zone = null;
        if (zoneCode.Length == 0)
        {
            problems.Add(Problem.Invalid("zoneCode", "zone.required", "A zone is required."));
        }
        else if ((zone = await store.FindZoneAsync(zoneCode, ct)) is null)
        {
            problems.Add(Problem.Invalid("zoneCode", "zone.unknown", $"Zone '{zoneCode}' is not a zone of this province."));
        }

        var district = districtCode.Length == 0 ? null : await store.FindDistrictAsync(districtCode, ct);
        if (district is null)
        {
            problems.Add(Problem.Invalid("districtCode", districtCode.Length == 0 ? "district.required" : "district.unknown",
                districtCode.Length == 0 ? "A district is required." : $"District '{districtCode}' is not known."));
        }
        else if (zone is not null && district.ZoneCode != zone.Code)
        {
            problems.Add(Problem.Invalid("districtCode", "district.not-in-zone", $"District '{districtCode}' does not belong to zone '{zone.Code}'."));
        }

        if (nameZh.Length is 0 or > 200)
        {
            problems.Add(Problem.Invalid("nameZh", "name.required", "A Chinese name of at most 200 characters is required."));
        }

        if (!Enum.TryParse<ParkLevel>(form.Level, ignoreCase: true, out var level) || !Enum.IsDefined(level) || int.TryParse(form.Level, out _))
        {
            problems.Add(Problem.Invalid("level", "park.level", "Level must be Municipal, Provincial or National."));
        }

        if (problems.Count > 0)
        {
            return Result<ParkInfo>.Failure(problems);
        }

        var audit = services.GetRequiredService<IAuditTrail>();
        if (!actor.MayAdministerZone(zone!.Code))
        {
            await audit.RecordAsync(new AuditEntry("registry.park.add", $"zone:{zone.Code}", AuditOutcome.Denied), ct);
            return Problem.Forbidden("You administer another zone.");
        }

        if (await store.ParkNameExistsAsync(zone.Code, nameZh, ct))
        {
            return Problem.Conflict("nameZh", "park.exists", $"Zone {zone.Code} already has a park named '{nameZh}'.");
        }

        var park = new ParkInfo(0, zone.Code, district!.Code, nameZh, string.IsNullOrWhiteSpace(form.NameEn) ? null : form.NameEn.Trim(), level);
        var id = await store.InsertParkAsync(park, actor.UserId, time.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        await audit.RecordAsync(new AuditEntry("registry.park.add", $"park:{id}", AuditOutcome.Succeeded, nameZh), ct);
        return park with { Id = id };
    }
}
