using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Samples;

namespace Silkgate.Sandbox.Tests;

public sealed class HostingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("silkgate-sandbox-host-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void The_exchange_root_is_the_sandbox_setting_then_the_platform_transport_root_then_the_data_directory()
    {
        Assert.Equal(Path.GetFullPath("/x/own"), CustomsSandboxServices.ExchangeRoot(Config(("Customs:Sandbox:Exchange", "/x/own"), ("Clearance:Customs:Directory:Root", "/x/platform"))));
        Assert.Equal(Path.GetFullPath("/x/platform"), CustomsSandboxServices.ExchangeRoot(Config(("Clearance:Customs:Directory:Root", "/x/platform"))));
        Assert.Equal(Path.Combine(Path.GetFullPath("/x/data"), "customs-exchange"), CustomsSandboxServices.ExchangeRoot(Config(("Database:DataDirectory", "/x/data"))));
    }

    [Fact]
    public async Task The_hosted_sandbox_answers_files_on_the_platform_transport_root_from_configuration()
    {
        var configuration = Config(("Database:DataDirectory", _root), ("Customs:Sandbox:PollInterval", "00:00:00.050"), ("Customs:Sandbox:ExamineAfter", "00:00:00.200"),
            ("Customs:Sandbox:RejectShare", "0"), ("Customs:Sandbox:ManualReviewShare", "0"), ("Customs:Sandbox:InspectionShare", "0"));
        var services = new ServiceCollection().AddLogging().AddCustomsSandbox(configuration).BuildServiceProvider();
        var exchange = Path.Combine(_root, "customs-exchange");
        var order = CebSamples.Create(CebMessageType.Ceb311, 1);
        order.Guid = CebMessage.NewGuid();
        var worker = services.GetServices<IHostedService>().Single();

        await worker.StartAsync(CancellationToken.None);
        File.WriteAllBytes(Path.Combine(exchange, "to-customs", $"CEB311Message_{order.Guid}.xml"),
            DxpWriter.ToBytes(DxpWriter.Wrap(order, "DXPSILKGATE00001", ["DXPEDCCEB0000002"])));
        var answers = Path.Combine(exchange, "from-customs");
        for (int i = 0; i < 200 && Directory.GetFiles(answers, "*.xml").Length == 0; i++)
        {
            await Task.Delay(50);
        }
        await worker.StopAsync(CancellationToken.None);
        await services.DisposeAsync();

        var answer = SandboxHarness.Parse(Assert.Single(Directory.GetFiles(answers, "*.xml")));
        Assert.Equal(312, answer.Type.Code);
        Assert.Equal("120", answer.Status());
        Assert.True(File.Exists(Path.Combine(exchange, "sandbox", "state.db")));
    }
}
