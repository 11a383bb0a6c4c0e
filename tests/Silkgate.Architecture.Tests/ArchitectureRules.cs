using System.Reflection;
using NetArchTest.Rules;

namespace Silkgate.Architecture.Tests;

/// <summary>
/// The boundaries of the modular monolith as executable rules. Each returns the offending types so that a failure
/// names them; <see cref="BrokenExampleTests"/> shows every rule failing on a deliberately broken example.
/// </summary>
internal static class ArchitectureRules
{
    /// <summary>Types in <paramref name="types"/> that use a type of another module outside that module's Contracts.</summary>
    public static IReadOnlyList<string> ReachIntoOtherModules(Types types, Assembly self, IEnumerable<Assembly> modules)
    {
        var forbidden = modules.Where(m => m != self).SelectMany(NonContractTypeNames).ToArray();
        return Failing(types.That().ResideInNamespace(self.GetName().Name!).ShouldNot().HaveDependencyOnAny(forbidden).GetResult());
    }

    /// <summary>Types that depend on any of the given namespaces (prefix match).</summary>
    public static IReadOnlyList<string> DependOn(Types types, params string[] namespaces) =>
        Failing(types.ShouldNot().HaveDependencyOnAny(namespaces).GetResult());

    public static IReadOnlyList<string> DependOn(PredicateList types, params string[] namespaces) =>
        Failing(types.ShouldNot().HaveDependencyOnAny(namespaces).GetResult());

    /// <summary>Public types of a module other than its module class and its Contracts namespace.</summary>
    public static IReadOnlyList<string> PublicOutsideContracts(Assembly module) =>
        module.GetExportedTypes()
            .Where(t => !IsContract(t, module) && !typeof(Silkgate.Kernel.Modules.ISilkgateModule).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .ToList();

    public static IEnumerable<string> NonContractTypeNames(Assembly module) =>
        module.GetTypes()
            .Where(t => t.FullName is not null && !t.FullName.Contains('<', StringComparison.Ordinal) && !IsContract(t, module))
            .Select(t => t.FullName!.Replace('+', '/'));

    private static bool IsContract(Type type, Assembly module) =>
        type.Namespace?.StartsWith(module.GetName().Name + ".Contracts", StringComparison.Ordinal) == true;

    private static List<string> Failing(TestResult result) =>
        result.IsSuccessful ? [] : (result.FailingTypeNames ?? []).ToList();
}
