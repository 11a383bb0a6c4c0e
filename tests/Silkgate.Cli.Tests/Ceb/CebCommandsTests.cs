using System.CommandLine;
using Silkgate.Cli.Ceb;

namespace Silkgate.Cli.Tests.Ceb;

public class CebCommandsTests
{
    private static (int Exit, string Out) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(CebCommands.Build());
        var output = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = output };
        int exit = root.Parse(args).Invoke(config);
        return (exit, output.ToString());
    }

    [Fact]
    public void Sample_prints_a_message_that_validate_accepts()
    {
        var (exit, xml) = Run("ceb", "sample", "311");
        Assert.Equal(0, exit);
        Assert.Contains("<ceb:CEB311Message", xml, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"ceb-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        try
        {
            var (vexit, text) = Run("ceb", "validate", file);
            Assert.Equal(0, vexit);
            Assert.StartsWith("OK ", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Sample_accepts_root_names_and_rejects_unknown_types()
    {
        Assert.Equal(0, Run("ceb", "sample", "CEB603Message").Exit);
        Assert.Equal(2, Run("ceb", "sample", "999").Exit);
    }

    [Fact]
    public void Validate_lists_every_problem_and_exits_1()
    {
        var (_, xml) = Run("ceb", "sample", "603");
        xml = xml.Replace("<ceb:currency>142</ceb:currency>", "<ceb:currency>999</ceb:currency>", StringComparison.Ordinal)
                 .Replace("<ceb:gcode>6109100021</ceb:gcode>", "<ceb:gcode>61091000211</ceb:gcode>", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"ceb-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        try
        {
            var (exit, text) = Run("ceb", "validate", file);
            Assert.Equal(1, exit);
            Assert.StartsWith("INVALID ", text, StringComparison.Ordinal);
            Assert.Contains("  Inventory[1]/InventoryList[1]/gcode: ", text, StringComparison.Ordinal);
            Assert.Contains("business.currency", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
