using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Identity.ApiKeys;
using Silkgate.Identity.Audit;
using Silkgate.Identity.Authentication;
using Silkgate.Identity.Contracts;
using Silkgate.Identity.Demo;
using Silkgate.Identity.Features;
using Silkgate.Identity.Features.CreateUser;
using Silkgate.Identity.Features.GetCurrentActor;
using Silkgate.Identity.Features.ManageApiKeys;
using Silkgate.Identity.Features.ReadAuditLog;
using Silkgate.Identity.Features.SignIn;
using Silkgate.Identity.Users;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Modules;

namespace Silkgate.Identity;

/// <summary>Composition of the identity module for the host: accounts, sign-in, API keys, audit log.</summary>
public sealed class IdentityModule : ISilkgateModule
{
    public string Name => "identity";

    public ModuleMigrations Migrations => new(Name, typeof(IdentityModule).Assembly);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityModuleOptions>().Bind(configuration.GetSection(IdentityModuleOptions.Section));
        services.AddSingleton<Passwords>();
        services.AddMetrics();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<UserStore>();
        services.AddScoped<ActorFactory>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<SignInHandler>();
        services.AddScoped<CreateUserHandler>();
        services.AddScoped<IAccountService, AccountService>();
        services.AddScoped<ApiKeyStore>();
        services.AddScoped<ApiKeyAuthenticator>();
        services.AddScoped<IApiKeyService, ApiKeyService>();
        services.AddScoped<IDemoSeeder, DemoAccountSeeder>();
        services.AddSilkgateAuthentication();
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
        CurrentActorEndpoint.Map(group);
        ApiKeyEndpoints.Map(group);
        AuditEndpoint.Map(group);
        UserEndpoints.Map(group);
    }
}
