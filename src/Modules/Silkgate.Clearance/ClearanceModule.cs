using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Limits;
using Silkgate.Clearance.Matching;
using Silkgate.Clearance.Queries;
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
        AddDeclarations(services, configuration);
    }

    /// <summary>Document lifecycle, three-document matching, import limits and their queries (the business half of ingest).</summary>
    private static void AddDeclarations(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.Section));
        services.Configure<MatchingOptions>(configuration.GetSection(MatchingOptions.Section));
        services.Configure<LimitOptions>(configuration.GetSection(LimitOptions.Section));
        services.AddSingleton<PersonalData>();
        services.AddSingleton<DocumentDecoder>();
        services.AddSingleton<ImportLimitGuard>();
        services.TryAddSingleton<ISenderZones, RegistrySenderZones>();
        services.AddSingleton<SaleCoordinator>();
        services.AddSingleton<IDeclarationProcessor, DeclarationProcessor>();
        services.AddSingleton<OverdueWarnings>();
        services.AddSingleton<SaleQueries>();
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
    }
}
