using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Modules;

namespace Silkgate.Registry;

/// <summary>Composition of the registry module for the host.</summary>
public sealed class RegistryModule : ISilkgateModule
{
    public string Name => "registry";

    public ModuleMigrations Migrations => new(Name, typeof(RegistryModule).Assembly);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
    }
}
