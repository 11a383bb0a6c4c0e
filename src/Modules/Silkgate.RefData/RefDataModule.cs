using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Modules;

namespace Silkgate.RefData;

/// <summary>Composition of the refdata module for the host.</summary>
public sealed class RefDataModule : ISilkgateModule
{
    public string Name => "refdata";

    public ModuleMigrations Migrations => new(Name, typeof(RefDataModule).Assembly);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
    }
}
