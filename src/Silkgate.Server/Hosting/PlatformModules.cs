using Silkgate.Clearance;
using Silkgate.Identity;
using Silkgate.Kernel.Modules;
using Silkgate.RefData;
using Silkgate.Registry;

namespace Silkgate.Server.Hosting;

/// <summary>The modules this deployment is built from, in migration order.</summary>
internal static class PlatformModules
{
    public static IReadOnlyList<ISilkgateModule> All { get; } =
    [
        new RefDataModule(),
        new RegistryModule(),
        new IdentityModule(),
        new ClearanceModule(),
    ];
}
