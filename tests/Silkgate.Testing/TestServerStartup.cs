using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;

[assembly: HostingStartup(typeof(Silkgate.Testing.TestServerStartup))]

namespace Silkgate.Testing;

/// <summary>
/// Test-only composition for a real server PROCESS started by a test (crash tests): loaded only when the process is
/// started with <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=Silkgate.Testing</c> from the test's output folder AND
/// <c>SilkgateTest__Enabled=true</c>. It adds the test actor scheme (<see cref="TestActorHandler.Header"/>) and, where no
/// module provides them yet, an in-memory enterprise directory seeded from <c>SilkgateTest:Enterprises:{i}:Id|Uscc|CustomsCode</c>
/// and an in-memory audit trail. Production never lists this assembly.
/// </summary>
public sealed class TestServerStartup : IHostingStartup
{
    public const string EnabledKey = "SilkgateTest:Enabled";

    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices((context, services) =>
        {
            if (!context.Configuration.GetValue<bool>(EnabledKey))
            {
                return;
            }

            TestActorHandler.Register(services);
            var directory = new TestEnterpriseDirectory();
            foreach (var e in context.Configuration.GetSection("SilkgateTest:Enterprises").GetChildren())
            {
                directory.Add(EnterpriseStatus.Approved, long.Parse(e["Id"]!, CultureInfo.InvariantCulture), e["Uscc"], e["CustomsCode"]);
            }

            services.TryAddSingleton<IEnterpriseDirectory>(directory);
            services.TryAddSingleton<IAuditTrail, RecordingAuditTrail>();
        });
    }
}
