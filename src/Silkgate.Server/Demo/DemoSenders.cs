using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Simulation;

namespace Silkgate.Server.Demo;

/// <summary>
/// Makes the trading enterprises real senders of the platform, through the modules' own use cases: the registry files and
/// approves each registration (as the platform), Identity creates its API key, and the key is authenticated by Identity's
/// API-key scheme exactly as a request carrying <c>X-Api-Key</c> would be; with <see cref="DemoSigningIdentities"/> each also
/// registers a signing certificate and deposits its key. The result maps each sender code to its actor.
/// </summary>
internal sealed class DemoSenders(IServiceProvider services)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "沈", "钱"];
    private static readonly string[] Given = ["建华", "晓明", "丽娟", "志强", "海燕", "国平", "伟", "敏", "静", "永红", "俊杰", "雪梅"];

    /// <summary>The registry's approved demo enterprises that trade (sellers, platforms, logistics and payment firms), as the generator sees them.</summary>
    public async Task<IReadOnlyList<SimEnterprise>> DemoEnterprisesAsync(IReadOnlyList<string>? only, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>();
        var found = new List<SimEnterprise>();
        foreach (var uscc in only ?? DemoEnterpriseCodes.All)
        {
            if (await directory.FindByCodeAsync(uscc, ct) is { Status: EnterpriseStatus.Approved } e && Trades(e.Roles))
            {
                found.Add(new SimEnterprise(e.CustomsCode, e.NameZh, e.Roles.Select(r => Enum.Parse<SimRole>(r.ToString())).ToList(), e.ZoneCode)
                {
                    NameEn = e.NameEn, Uscc = e.Uscc, DistrictCode = e.DistrictCode, ImportTrade = e.NameZh.Contains("进口", StringComparison.Ordinal),
                });
            }
        }

        return found;
    }

    private int _identities;

    /// <summary>Signing identities made by the last <see cref="PrepareAsync"/>.</summary>
    public int IdentitiesMade => _identities;

    /// <summary>Registers and approves every enterprise not yet approved, creates one API key for each (and, given
    /// <paramref name="signing"/>, a signing identity) and returns the senders' actors by code.</summary>
    public async Task<IReadOnlyDictionary<string, Actor>> PrepareAsync(IReadOnlyList<SimEnterprise> enterprises, DemoSigningIdentities? signing, CancellationToken ct)
    {
        // Each enterprise is its own few short transactions; several at once keep the database busy while others wait for a commit.
        var actors = new System.Collections.Concurrent.ConcurrentDictionary<string, Actor>(StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(Enumerable.Range(0, enterprises.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var e = enterprises[i];
            if (await ApproveAsync(e, i, token) && await AuthenticatedActorAsync(e, token) is { } actor)
            {
                actors[e.Code] = actor;
                if (signing is not null && await signing.EnsureAsync(actor, e, token))
                {
                    Interlocked.Increment(ref _identities);
                }
            }
        });

        return actors;
    }

    private async Task<bool> ApproveAsync(SimEnterprise e, int serial, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<IEnterpriseRegistry>();
        var existing = await scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>().FindByCodeAsync(e.Uscc ?? e.Code, ct);
        long id;
        if (existing is null)
        {
            var registered = await registry.RegisterAsync(Form(e, serial), ct);
            if (!registered.IsSuccess)
            {
                throw new InvalidOperationException($"The registry refused demo enterprise {e.Code}: {string.Join("; ", registered.Errors.Select(p => $"{p.Field}: {p.Message}"))}");
            }

            id = registered.Value!.Id;
        }
        else if (existing.Status == EnterpriseStatus.Submitted)
        {
            id = existing.Id;
        }
        else
        {
            return existing.Status == EnterpriseStatus.Approved;
        }

        var approved = await registry.DecideAsync(id, EnterpriseDecision.Approve, null, ct);
        return approved.IsSuccess;
    }

    private async Task<Actor?> AuthenticatedActorAsync(SimEnterprise e, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IApiKeyService>().CreateForEnterpriseAsync(e.Uscc ?? e.Code, "演示交易 demo trade", ct);
        if (!created.IsSuccess)
        {
            return null;
        }

        // The platform's own authentication (the default policy scheme forwards a request with X-Api-Key to the API-key scheme).
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = ct };
        http.Request.Headers["X-Api-Key"] = created.Value!.Key;
        var result = await http.AuthenticateAsync();
        return result.Succeeded ? ActorClaims.FromPrincipal(result.Principal) : null;
    }

    private static bool Trades(IReadOnlyList<EnterpriseRole> roles) =>
        roles.Any(r => r is EnterpriseRole.ECommerceEnterprise or EnterpriseRole.ECommercePlatform or EnterpriseRole.Logistics or EnterpriseRole.Payment);

    /// <summary>A complete registration form; generated enterprises carry codes and names only, so address and people are invented here.</summary>
    private static EnterpriseForm Form(SimEnterprise e, int serial)
    {
        var person = Surnames[serial % Surnames.Length] + Given[(serial / Surnames.Length) % Given.Length];
        var contact = Surnames[(serial + 5) % Surnames.Length] + Given[(serial + 3) % Given.Length];
        var phone = string.Create(CultureInfo.InvariantCulture, $"0{e.ZoneCode[2..4]}-8{serial % 1000:D3}{serial % 7}{serial % 10}00");
        return new EnterpriseForm(e.Uscc, e.Code, e.NameZh, e.NameEn, e.Roles.Select(r => r.ToString()).ToList(), e.ZoneCode, e.DistrictCode, null,
            $"浙江省{e.NameZh[..2]}市跨境电商产业园{serial + 1}号", person, 1_000_000m * (1 + (serial % 9)),
            [new ContactForm(contact, phone, string.Create(CultureInfo.InvariantCulture, $"trade{serial + 1}@example.com"), "跨境业务经理")]);
    }
}
