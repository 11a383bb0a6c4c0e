using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Modules;
using Silkgate.Registry.AgentAuthorizations;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Demo;
using Silkgate.Registry.Enterprises;
using Silkgate.Registry.Features.AuthorizeDeclaringAgents;
using Silkgate.Registry.Features.BrowseTenancy;
using Silkgate.Registry.Features.CountEnterprises;
using Silkgate.Registry.Features.DecideOnEnterprise;
using Silkgate.Registry.Features.RegisterEnterprise;
using Silkgate.Registry.Features.SearchEnterprises;
using Silkgate.Registry.Features.UpdateEnterprise;
using Silkgate.Registry.Features.ViewEnterprise;
using Silkgate.Registry.Tenancy;

namespace Silkgate.Registry;

/// <summary>Composition of the registry module for the host.</summary>
public sealed class RegistryModule : ISilkgateModule
{
    public string Name => "registry";

    public ModuleMigrations Migrations => new(Name, typeof(RegistryModule).Assembly);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TenancyStore>();
        services.AddScoped<ITenancyDirectory, TenancyDirectory>();
        services.AddScoped<EnterpriseStore>();
        services.AddScoped<EnterpriseSearch>();
        services.AddScoped<HistoryStore>();
        services.AddScoped<EnterpriseFormValidator>();
        services.AddScoped<EnterpriseGate>();
        services.AddScoped<IEnterpriseDirectory, EnterpriseDirectory>();
        services.AddScoped<IEnterpriseRegistry, EnterpriseRegistry>();
        services.AddScoped<RegisterEnterpriseHandler>();
        services.AddScoped<UpdateEnterpriseHandler>();
        services.AddScoped<DecideOnEnterpriseHandler>();
        services.AddScoped<ViewEnterpriseHandler>();
        services.AddScoped<SearchEnterprisesHandler>();
        services.AddScoped<CountEnterprisesHandler>();
        services.AddScoped<IDemoSeeder, RegistryDemoSeeder>();
        var cacheDuration = configuration.GetValue("Registry:AgentAuthorizationCacheDuration", TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => new AgentAuthorizationCache(sp.GetRequiredService<TimeProvider>(), cacheDuration));
        services.AddSingleton<IAgentAuthorizations, AgentAuthorizationCheck>();
        services.AddScoped<AgentAuthorizationStore>();
        services.AddScoped<AuthorizationAccess>();
        services.AddScoped<GrantValidator>();
        services.AddScoped<GrantAuthorizationHandler>();
        services.AddScoped<RevokeAuthorizationHandler>();
        services.AddScoped<ListAuthorizationsHandler>();
        services.AddScoped<IAgentAuthorizationAdmin, AgentAuthorizationAdmin>();
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
        TenancyEndpoints.MapPublic(group);
        var api = group.MapGroup("").RequireAuthorization();
        TenancyEndpoints.MapSecured(api);
        RegisterEnterpriseEndpoint.Map(api);
        SearchEnterprisesEndpoint.Map(api);
        ViewEnterpriseEndpoints.Map(api);
        UpdateEnterpriseEndpoint.Map(api);
        DecideOnEnterpriseEndpoints.Map(api);
        AgentAuthorizationEndpoints.Map(api);
        CountEnterprisesEndpoint.Map(api);
    }
}
