using Microsoft.Extensions.Options;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;
using Silkgate.Registry.Tenancy;

namespace Silkgate.Registry.Demo;

/// <summary>Demo parks and enterprises across the five zones; idempotent (looks each up by name or code first).</summary>
internal sealed class RegistryDemoSeeder(
    DbSession session, TenancyStore tenancy, EnterpriseStore store, HistoryStore history, IEnterpriseDirectory directory,
    IOptions<PlatformOptions> options, TimeProvider time) : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (options.Value.Mode != PlatformMode.Demo || options.Value.ProvinceCode != "330000")
        {
            return;
        }

        var system = Actor.System(options.Value.ProvinceCode) with { Name = "demo" };
        await session.InTransactionAsync(async c =>
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var (district, nameZh, nameEn, level) in DemoEnterprises.Parks)
            {
                var zone = district[..4] + "00";
                if (!await tenancy.ParkNameExistsAsync(zone, nameZh, c))
                {
                    await tenancy.InsertParkAsync(new ParkInfo(0, zone, district, nameZh, nameEn, level), 0, now, c);
                }
            }

            var parks = await tenancy.ListParksAsync(null, c);
            foreach (var d in DemoEnterprises.All)
            {
                if (await directory.FindByCodeAsync(d.Uscc, c) is not null)
                {
                    continue;
                }

                await SeedAsync(d, parks, system, now - ((22 - d.Serial) * 86_400_000L), c);
            }
        }, ct);
    }

    private async Task SeedAsync(DemoEnterprise d, IReadOnlyList<ParkInfo> parks, Actor system, long at, CancellationToken ct)
    {
        if (!Uscc.TryParse(d.Uscc, out var uscc, out _) || !CustomsCode.TryParse(d.CustomsCode, out var customs, out _))
        {
            throw new InvalidOperationException($"Demo enterprise {d.Serial} has a bad code.");
        }

        var e = new ValidEnterprise(uscc, customs, d.NameZh, d.NameEn, d.Roles, d.ZoneCode, d.DistrictCode,
            parks.FirstOrDefault(p => p.NameZh == d.Park)?.Id, $"浙江省{d.NameZh[..2]}市经济开发区演示路{d.Serial}号",
            LegalRepresentatives[d.Serial % LegalRepresentatives.Length], Amount.FromDecimal(1_000_000m * (1 + (d.Serial % 5))),
            [new Contact(LegalRepresentatives[(d.Serial + 3) % LegalRepresentatives.Length], $"0571-8{d.Serial:D3}0000", $"contact{d.Serial}@example.com", "跨境业务经理")]);
        var id = await store.InsertAsync(options.Value.ProvinceCode, e, 0, at, ct);
        await history.AddAsync(id, "submit", null, EnterpriseStatus.Submitted, null, system, at, ct);
        var later = at + 86_400_000L;
        if (d.Status is EnterpriseStatus.Approved or EnterpriseStatus.Suspended)
        {
            await Move(id, EnterpriseStatus.Submitted, EnterpriseStatus.Approved, "approve", null, later);
        }

        if (d.Status == EnterpriseStatus.Suspended)
        {
            await Move(id, EnterpriseStatus.Approved, EnterpriseStatus.Suspended, "suspend", "演示：年度报告逾期未报送 (demo: annual report overdue)", later + 1000);
        }

        if (d.Status == EnterpriseStatus.Rejected)
        {
            await Move(id, EnterpriseStatus.Submitted, EnterpriseStatus.Rejected, "reject", "演示：海关注册编码与营业执照不一致 (demo: customs code does not match the licence)", later);
        }

        async Task Move(long enterpriseId, EnterpriseStatus from, EnterpriseStatus to, string action, string? reason, long when)
        {
            await store.SetStatusAsync(enterpriseId, from, to, reason, when, ct);
            await history.AddAsync(enterpriseId, action, from, to, reason, system, when, ct);
        }
    }

    private static readonly string[] LegalRepresentatives = ["沈建国", "钱丽华", "周志强", "吴晓燕", "郑海峰", "王美玲", "陈卫东", "林静"];
}
