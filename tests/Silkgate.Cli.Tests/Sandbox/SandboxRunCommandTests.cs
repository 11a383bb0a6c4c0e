using System.CommandLine;
using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Samples;
using Silkgate.Cli.Sandbox;

namespace Silkgate.Cli.Tests.Sandbox;

public sealed class SandboxRunCommandTests : IDisposable
{
    private readonly string _exchange = Directory.CreateTempSubdirectory("silkgate-cli-sandbox-").FullName;

    public void Dispose() => Directory.Delete(_exchange, recursive: true);

    [Fact]
    public async Task Sandbox_run_answers_a_file_in_the_exchange_and_stops_on_cancel()
    {
        var order = CebSamples.Create(CebMessageType.Ceb311, 1);
        order.Guid = CebMessage.NewGuid();
        Directory.CreateDirectory(Path.Combine(_exchange, "to-customs"));
        File.WriteAllBytes(Path.Combine(_exchange, "to-customs", $"CEB311Message_{order.Guid}.xml"),
            DxpWriter.ToBytes(DxpWriter.Wrap(order, "DXPSILKGATE00001", ["DXPEDCCEB0000002"])));
        var root = new RootCommand();
        root.Subcommands.Add(SandboxCommands.Build());
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var run = root.Parse(["sandbox", "run", "--exchange", _exchange, "--seed", "7"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, stop.Token);
        var answers = Path.Combine(_exchange, "from-customs");
        while (!stop.IsCancellationRequested && (!Directory.Exists(answers) || Directory.GetFiles(answers, "CEB312Message_*.xml").Length == 0))
        {
            await Task.Delay(100);
        }
        await stop.CancelAsync();
        var exit = await run;

        Assert.Equal(0, exit);
        var answer = Assert.Single(Directory.GetFiles(answers, "CEB312Message_*.xml"));
        Assert.Contains("<dxp:MsgType>CEB312Message</dxp:MsgType>", File.ReadAllText(answer), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_exchange, "sandbox", "done", $"CEB311Message_{order.Guid}.xml")));
        var printed = output.ToString();
        Assert.Contains($"CEB311Message_{order.Guid}.xml → CEB312Message 120", printed, StringComparison.Ordinal);
        Assert.Contains("customs sandbox stopped", printed, StringComparison.Ordinal);
    }
}
