using System.Net.Http.Json;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;
using static Silkgate.Server.Tests.Access.Caller;
using static Silkgate.Server.Tests.Access.Endpoint;

namespace Silkgate.Server.Tests.Access;

public enum Endpoint
{
    RegistryList,
    RegistryDetail,
    RegistryApprove,
    IdentityAudit,
    IdentityApiKeys,
    RefDataChange,
    CustomsExchange,
}

/// <summary>
/// Every role against the key endpoints of every module, on the real modules: the exact status, and for refused
/// attempts that modules audit, the <c>Denied</c> entry in the real audit log. The enterprise admin signs in with the
/// login form (cookie) and the enterprise's system uses a real API key; the rest act through the test actor scheme.
/// </summary>
public abstract class AccessSweepTests(PlatformHost host)
{
    private static int _nextCode = 949;

    /// <summary>Caller, endpoint, status, and the audit action of the Denied entry that must exist (null: none asserted).</summary>
    public static TheoryData<Caller, Endpoint, int, string?> Rules { get; } = new()
    {
        { ProvinceAdmin, RegistryList, 200, null },
        { ZoneAdminOwnZone, RegistryList, 200, null },
        { ZoneAdminOtherZone, RegistryList, 200, null },
        { AgencyOfficer, RegistryList, 200, null },
        { EnterpriseAdminOwn, RegistryList, 200, null },
        { EnterpriseUserOtherEnterprise, RegistryList, 200, null },
        { Applicant, RegistryList, 200, null },
        { Anonymous, RegistryList, 401, null },
        { ApiKeyOwn, RegistryList, 200, null },

        { ProvinceAdmin, RegistryDetail, 200, null },
        { ZoneAdminOwnZone, RegistryDetail, 200, null },
        { ZoneAdminOtherZone, RegistryDetail, 404, "registry.enterprise.read" },
        { AgencyOfficer, RegistryDetail, 200, null },
        { EnterpriseAdminOwn, RegistryDetail, 200, null },
        { EnterpriseUserOtherEnterprise, RegistryDetail, 404, "registry.enterprise.read" },
        { Applicant, RegistryDetail, 404, "registry.enterprise.read" },
        { Anonymous, RegistryDetail, 401, null },
        { ApiKeyOwn, RegistryDetail, 200, null },

        // Enterprise callers try to approve their own enterprise; everybody else a fresh submitted one in Huzhou.
        { ProvinceAdmin, RegistryApprove, 200, null },
        { ZoneAdminOwnZone, RegistryApprove, 200, null },
        { ZoneAdminOtherZone, RegistryApprove, 404, "registry.enterprise.approve" },
        { AgencyOfficer, RegistryApprove, 404, "registry.enterprise.approve" },
        { EnterpriseAdminOwn, RegistryApprove, 403, "registry.enterprise.approve" },
        { EnterpriseUserOtherEnterprise, RegistryApprove, 404, "registry.enterprise.approve" },
        { Applicant, RegistryApprove, 404, "registry.enterprise.approve" },
        { Anonymous, RegistryApprove, 401, null },
        { ApiKeyOwn, RegistryApprove, 403, "registry.enterprise.approve" },

        { ProvinceAdmin, IdentityAudit, 200, null },
        { ZoneAdminOwnZone, IdentityAudit, 200, null },
        { ZoneAdminOtherZone, IdentityAudit, 200, null },
        { AgencyOfficer, IdentityAudit, 403, "identity.audit.read" },
        { EnterpriseAdminOwn, IdentityAudit, 403, "identity.audit.read" },
        { EnterpriseUserOtherEnterprise, IdentityAudit, 403, "identity.audit.read" },
        { Applicant, IdentityAudit, 403, "identity.audit.read" },
        { Anonymous, IdentityAudit, 401, null },
        { ApiKeyOwn, IdentityAudit, 403, "identity.audit.read" },

        { ProvinceAdmin, IdentityApiKeys, 403, null },
        { ZoneAdminOwnZone, IdentityApiKeys, 403, null },
        { ZoneAdminOtherZone, IdentityApiKeys, 403, null },
        { AgencyOfficer, IdentityApiKeys, 403, null },
        { EnterpriseAdminOwn, IdentityApiKeys, 200, null },
        { EnterpriseUserOtherEnterprise, IdentityApiKeys, 403, null },
        { Applicant, IdentityApiKeys, 403, null },
        { Anonymous, IdentityApiKeys, 401, null },
        { ApiKeyOwn, IdentityApiKeys, 403, null },

        { ProvinceAdmin, RefDataChange, 200, null },
        { ZoneAdminOwnZone, RefDataChange, 200, null },
        { ZoneAdminOtherZone, RefDataChange, 200, null },
        { AgencyOfficer, RefDataChange, 403, "refdata.code.change" },
        { EnterpriseAdminOwn, RefDataChange, 403, "refdata.code.change" },
        { EnterpriseUserOtherEnterprise, RefDataChange, 403, "refdata.code.change" },
        { Applicant, RefDataChange, 403, "refdata.code.change" },
        { Anonymous, RefDataChange, 401, null },
        { ApiKeyOwn, RefDataChange, 403, "refdata.code.change" },

        // Zone administrators see their own zone's queue whichever zone they ask for.
        { ProvinceAdmin, CustomsExchange, 200, null },
        { ZoneAdminOwnZone, CustomsExchange, 200, null },
        { ZoneAdminOtherZone, CustomsExchange, 200, null },
        { AgencyOfficer, CustomsExchange, 403, "clearance.exchange.read" },
        { EnterpriseAdminOwn, CustomsExchange, 403, "clearance.exchange.read" },
        { EnterpriseUserOtherEnterprise, CustomsExchange, 403, "clearance.exchange.read" },
        { Applicant, CustomsExchange, 403, "clearance.exchange.read" },
        { Anonymous, CustomsExchange, 401, null },
        { ApiKeyOwn, CustomsExchange, 403, "clearance.exchange.read" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Each_role_gets_exactly_its_answer_and_refusals_are_audited(Caller caller, Endpoint endpoint, int status, string? deniedAction)
    {
        var world = await AccessWorld.ForAsync(host);
        var (client, userId, shared) = world.ClientFor(caller);
        try
        {
            var (request, subject) = await RequestAsync(world, caller, endpoint);

            using var response = await client.SendAsync(request);

            Assert.True(status == (int)response.StatusCode, $"{caller} {endpoint}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (deniedAction is not null)
            {
                var query = subject is null
                    ? $"action={Uri.EscapeDataString(deniedAction)}&outcome=Denied"
                    : $"subject={Uri.EscapeDataString(subject)}&action={Uri.EscapeDataString(deniedAction)}&outcome=Denied";
                await host.WaitForAuditQueryAsync(query, entries => entries.Any(e => e.ActorUserId == userId));
            }
        }
        finally
        {
            if (!shared)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>The request, and the audit subject it concerns (null when the module records none).</summary>
    private async Task<(HttpRequestMessage Request, string? Subject)> RequestAsync(AccessWorld world, Caller caller, Endpoint endpoint)
    {
        switch (endpoint)
        {
            case RegistryList:
                return (new HttpRequestMessage(HttpMethod.Get, "/api/v1/registry/enterprises"), null);
            case RegistryDetail:
                return (new HttpRequestMessage(HttpMethod.Get, $"/api/v1/registry/enterprises/{world.Own.Id}"), $"enterprise:{world.Own.Id}");
            case RegistryApprove:
                var target = caller is EnterpriseAdminOwn or ApiKeyOwn ? world.Own : await host.CreateEnterpriseAsync(AccessWorld.Zone, EnterpriseStatus.Submitted);
                return (new HttpRequestMessage(HttpMethod.Post, $"/api/v1/registry/enterprises/{target.Id}/approve") { Content = JsonContent.Create(new { }) },
                    $"enterprise:{target.Id}");
            case IdentityAudit:
                return (new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/audit"), null);
            case IdentityApiKeys:
                return (new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/api-keys"), null);
            case CustomsExchange:
                return (new HttpRequestMessage(HttpMethod.Get, "/api/v1/ceb/exchange"), null);
            default:
                var code = Interlocked.Increment(ref _nextCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (new HttpRequestMessage(HttpMethod.Put, $"/api/v1/refdata/tables/units/{code}") { Content = JsonContent.Create(new { nameZh = "巡检单位" }) },
                    $"code-table:units/{code}");
        }
    }
}

public sealed class AccessSweepTestsOnSqlite(SqliteHost host) : AccessSweepTests(host), IClassFixture<SqliteHost>;

public sealed class AccessSweepTestsOnPostgres(PostgresHost host) : AccessSweepTests(host), IClassFixture<PostgresHost>;
