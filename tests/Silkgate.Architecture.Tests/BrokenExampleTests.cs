using NetArchTest.Rules;
using Silkgate.Architecture.Tests.BrokenExamples;

namespace Silkgate.Architecture.Tests;

/// <summary>Each rule must be able to fail: run it over deliberately broken types in this assembly.</summary>
public class BrokenExampleTests
{
    private static readonly System.Reflection.Assembly Self = typeof(BrokenExampleTests).Assembly;

    [Fact]
    public void Reaching_into_another_modules_internals_is_caught()
    {
        var types = Types.InAssembly(Self).That().ResideInNamespace("Silkgate.Architecture.Tests.BrokenExamples");
        var offenders = ArchitectureRules.DependOn(types, ArchitectureRules.NonContractTypeNames(typeof(Silkgate.Registry.RegistryModule).Assembly).ToArray());
        Assert.Contains(typeof(UsesRegistryModuleClass).FullName, offenders);
    }

    [Fact]
    public void Public_types_outside_contracts_are_caught() =>
        Assert.Contains(typeof(PublicHelperOutsideContracts).FullName, ArchitectureRules.PublicOutsideContracts(Self));

    [Fact]
    public void A_forbidden_namespace_dependency_is_caught() =>
        Assert.Contains(typeof(UsesDatabase).FullName,
            ArchitectureRules.DependOn(Types.InAssembly(Self).That().ResideInNamespace("Silkgate.Architecture.Tests.BrokenExamples"), "System.Data"));
}
