using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Modules;

namespace Silkgate.Identity;

/// <summary>Composition of the identity module for the host.</summary>
public sealed class IdentityModule : ISilkgateModule
{
    public string Name => "identity";

    public ModuleMigrations Migrations => new(Name, typeof(IdentityModule).Assembly);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
    }
}
