using System.Reflection;
using NetArchTest.Rules;
using Silkgate.Kernel.Modules;
using Silkgate.Server.Hosting;

namespace Silkgate.Architecture.Tests;

public class ModuleBoundaryTests
{
    private static readonly Assembly[] Modules = PlatformModulesForTests.All.Select(m => m.GetType().Assembly).ToArray();

    public static TheoryData<string> ModuleNames() => new(Modules.Select(m => m.GetName().Name!));

    private static Assembly Module(string name) => Modules.Single(m => m.GetName().Name == name);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_uses_other_modules_only_through_their_contracts(string module)
    {
        var offenders = ArchitectureRules.ReachIntoOtherModules(Types.InAssembly(Module(module)), Module(module), Modules);
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_exposes_only_its_module_class_and_contracts(string module) =>
        Assert.Empty(ArchitectureRules.PublicOutsideContracts(Module(module)));

    [Fact]
    public void The_kernel_knows_no_module_and_no_host()
    {
        var names = Modules.Select(m => m.GetName().Name!).Append("Silkgate.Server").Append("Silkgate.Cli").ToArray();
        Assert.Empty(ArchitectureRules.DependOn(Types.InAssembly(typeof(ISilkgateModule).Assembly), names));
    }

    [Fact]
    public void The_CEB_library_stands_alone_without_database_or_web()
    {
        var ceb = Types.InAssembly(typeof(Silkgate.Ceb.CebNamespaces).Assembly);
        Assert.Empty(ArchitectureRules.DependOn(ceb,
            "Silkgate.Kernel", "Silkgate.Server", "Silkgate.Registry", "Silkgate.Identity", "Silkgate.RefData", "Silkgate.Clearance",
            "Microsoft.AspNetCore", "System.Data", "Dapper", "Npgsql", "Microsoft.Data.Sqlite"));
    }

    [Fact]
    public void Every_module_is_composed_by_the_host() =>
        Assert.Equal(
            typeof(PlatformServices).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Silkgate.", StringComparison.Ordinal) && n is not ("Silkgate.Kernel" or "Silkgate.Ceb" or "Silkgate.Sandbox" or "Silkgate.Simulation")).Order(),
            Modules.Select(m => m.GetName().Name!).Order());

    [Fact]
    public void The_customs_sandbox_knows_only_the_CEB_library_and_the_kernel()
    {
        var sandbox = Types.InAssembly(typeof(Silkgate.Sandbox.CustomsSandboxServices).Assembly);
        var names = Modules.Select(m => m.GetName().Name!).Append("Silkgate.Server").Append("Silkgate.Cli").Append("Silkgate.Simulation").ToArray();
        Assert.Empty(ArchitectureRules.DependOn(sandbox, names));
    }

    [Fact]
    public void The_customs_sandbox_exposes_only_its_registration() =>
        Assert.Equal([typeof(Silkgate.Sandbox.CustomsSandboxServices)], typeof(Silkgate.Sandbox.CustomsSandboxServices).Assembly.GetExportedTypes());
}
