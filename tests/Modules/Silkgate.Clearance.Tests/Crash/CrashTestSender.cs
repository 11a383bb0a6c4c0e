using System.Globalization;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Crash;

/// <summary>
/// THE single place where the crash test sets up its sending enterprise and how its client authenticates.
/// On this branch (Registry and Identity not merged) the server process loads <see cref="TestServerStartup"/>: an enterprise
/// directory seeded from the environment and the test actor header. When Identity's API keys are composed, replace the body:
/// create the enterprise and an API key with the CLI (or seed them in the database) before the server starts, return no extra
/// environment except <c>Clearance__Gateway__AuthenticationScheme</c> if needed, and let <c>Authenticate</c> set <c>X-Api-Key</c>.
/// </summary>
internal sealed record CrashTestSender(IReadOnlyDictionary<string, string> ServerEnvironment, Action<HttpClient> Authenticate, string CopCode, long EnterpriseId)
{
    public static CrashTestSender Prepare()
    {
        var id = Random.Shared.NextInt64(1_000_000, 9_000_000);
        var customsCode = TestEnterpriseDirectory.NewCustomsCode(id);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = "Silkgate.Testing",
            ["SilkgateTest__Enabled"] = "true",
            ["SilkgateTest__Enterprises__0__Id"] = id.ToString(CultureInfo.InvariantCulture),
            ["SilkgateTest__Enterprises__0__CustomsCode"] = customsCode,
        };
        var actor = new Actor(id * 10, "crash-test sending system", Role.EnterpriseUser, "330000", "330100", null, id, id * 100);
        return new CrashTestSender(environment, client => client.DefaultRequestHeaders.Add(TestActorHandler.Header, TestActorHandler.Encode(actor)), customsCode, id);
    }
}
