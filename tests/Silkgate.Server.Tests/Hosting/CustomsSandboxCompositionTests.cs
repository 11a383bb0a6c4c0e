using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silkgate.Server.Hosting;

namespace Silkgate.Server.Tests.Hosting;

public sealed class CustomsSandboxCompositionTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Demo_mode_runs_the_customs_sandbox_on_the_directory_transport() =>
        Assert.True(CustomsSandboxComposition.IsEnabled(Config(("Platform:Mode", "Demo"))));

    [Fact]
    public void Production_mode_runs_no_sandbox_unless_enabled() =>
        Assert.Equal([false, true],
            [CustomsSandboxComposition.IsEnabled(Config(("Platform:Mode", "Production"))),
             CustomsSandboxComposition.IsEnabled(Config(("Platform:Mode", "Production"), ("Customs:Sandbox:Enabled", "true")))]);

    [Fact]
    public void The_sandbox_stays_off_when_disabled_or_when_customs_is_reached_over_AMQP() =>
        Assert.Equal([false, false],
            [CustomsSandboxComposition.IsEnabled(Config(("Platform:Mode", "Demo"), ("Customs:Sandbox:Enabled", "false"))),
             CustomsSandboxComposition.IsEnabled(Config(("Platform:Mode", "Demo"), ("Clearance:Customs:Transport", "Amqp")))]);

    [Fact]
    public void In_demo_mode_the_sandbox_is_a_hosted_service_of_the_server()
    {
        var services = new ServiceCollection().AddDemoCustomsSandbox(Config(("Platform:Mode", "Demo"), ("Database:DataDirectory", Path.GetTempPath())));

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == typeof(Silkgate.Sandbox.CustomsSandboxServices).Assembly);
    }
}
