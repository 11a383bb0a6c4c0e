using System.Reflection;
using Silkgate.Kernel.Modules;

namespace Silkgate.Architecture.Tests;

/// <summary>The host's module list (internal to the server), read by reflection so the tests follow it as it grows.</summary>
internal static class PlatformModulesForTests
{
    public static IReadOnlyList<ISilkgateModule> All { get; } = (IReadOnlyList<ISilkgateModule>)typeof(Silkgate.Server.Hosting.PlatformServices).Assembly
        .GetType("Silkgate.Server.Hosting.PlatformModules", throwOnError: true)!
        .GetProperty("All", BindingFlags.Public | BindingFlags.Static)!
        .GetValue(null)!;
}
