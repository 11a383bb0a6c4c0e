using Microsoft.Extensions.Options;
using Silkgate.Identity.Users;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.Contracts;

namespace Silkgate.Identity.Demo;

/// <summary>Creates the demo accounts in demo mode (never in production); a second run adds nothing.</summary>
internal sealed class DemoAccountSeeder(
    DbSession session,
    UserStore users,
    Passwords passwords,
    IEnterpriseDirectory directory,
    TimeProvider time,
    IOptions<PlatformOptions> platform,
    IOptions<IdentityModuleOptions> options) : IDemoSeeder
{
    /// <summary>After the registry's demo enterprises (order 10).</summary>
    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (platform.Value.Mode != PlatformMode.Demo)
        {
            return;
        }

        var hash = passwords.Hash(options.Value.DemoPassword);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await session.InTransactionAsync(async c =>
        {
            foreach (var (username, displayName, role, zone, agency) in DemoAccounts.Government)
            {
                if (!await users.ExistsAsync(username, c))
                {
                    await users.InsertAsync(new NewAccount(username, displayName, hash, role, zone, agency), now, c);
                }
            }

            foreach (var (username, displayName, code, isAdmin) in DemoAccounts.Enterprise)
            {
                var enterprise = await directory.FindByCodeAsync(code, c);
                if (enterprise is null)
                {
                    continue;
                }

                var user = await users.FindByUsernameAsync(username, c);
                var id = user?.Id ?? await users.InsertAsync(new NewAccount(username, displayName, hash, null, null, null), now, c);
                if (await directory.FindMembershipAsync(id, c) is null)
                {
                    await directory.AddMemberAsync(enterprise.Id, id, isAdmin, c);
                }
            }
        }, ct);
    }
}
