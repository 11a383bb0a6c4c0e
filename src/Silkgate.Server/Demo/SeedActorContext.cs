using Microsoft.Extensions.Options;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Modules;

namespace Silkgate.Server.Demo;

/// <summary>
/// Who acts in a scope of the seeding host: the platform itself (registering and approving enterprises, creating their
/// keys, recording the plan) unless a sending system's actor, authenticated from its API key, is set for the scope.
/// </summary>
internal sealed class SeedActorContext(IOptions<PlatformOptions> options) : IActorContext
{
    public Actor? Current { get; set; } = Actor.System(options.Value.ProvinceCode) with { Name = "demo" };

    public string? ClientAddress => "demo-seed";
}
