using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data.Migrations;

namespace Silkgate.Kernel.Modules;

/// <summary>
/// How the host composes a module: its services, its HTTP endpoints under <c>/api/v1/{Name}</c>, its migrations.
/// Each module has exactly one implementation, public, in its root namespace.
/// </summary>
public interface ISilkgateModule
{
    /// <summary>Lower-case module name; also the route segment and the table prefix.</summary>
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Where the module's HTTP API lives; <c>/api/v1/{Name}</c> unless a module speaks a vocabulary of its own (the CEB gateway).</summary>
    string RoutePrefix => $"/api/v1/{Name}";

    /// <summary>Maps the module's endpoints onto its route group at <see cref="RoutePrefix"/>.</summary>
    void MapEndpoints(IEndpointRouteBuilder group);

    ModuleMigrations Migrations { get; }
}
