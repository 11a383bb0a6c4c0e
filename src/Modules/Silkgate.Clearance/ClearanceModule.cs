using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Modules;

namespace Silkgate.Clearance;

/// <summary>Composition of the clearance module: CEB gateway, documents, three-document matching, receipts.</summary>
public sealed class ClearanceModule : ISilkgateModule
{
    public string Name => "clearance";

    /// <summary>The gateway speaks the customs vocabulary under <c>/api/v1/ceb</c>.</summary>
    public string RoutePrefix => "/api/v1/ceb";

    public ModuleMigrations Migrations => new(Name, typeof(ClearanceModule).Assembly);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
    }
}
