using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data.Migrations;
using Silkgate.Kernel.Modules;
using Silkgate.RefData.Contracts;
using Silkgate.RefData.Features.BrowseCodeTables;
using Silkgate.RefData.Features.ChangeCodeEntry;
using Silkgate.RefData.Features.ImportHsCodes;
using Silkgate.RefData.Features.LookUpHsCodes;
using Silkgate.RefData.Hs;
using Silkgate.RefData.Tables;

namespace Silkgate.RefData;

/// <summary>Composition of the refdata module for the host: code tables, their overrides, HS codes.</summary>
public sealed class RefDataModule : ISilkgateModule
{
    public string Name => "refdata";

    public ModuleMigrations Migrations => new(Name, typeof(RefDataModule).Assembly);

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CodeTableStore>();
        services.AddSingleton<ICodeTables>(sp => sp.GetRequiredService<CodeTableStore>());
        services.AddHostedService<OverridesRefresher>();
        services.AddScoped<ICodeTableEditor, CodeTableEditor>();
        services.AddScoped<CodeEntryHistory>();
        services.AddScoped<IHsCodes, HsCodeStore>();
        services.AddScoped<IHsCodeImporter, HsCodeImporter>();
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
        CodeTableEndpoints.Map(group);
        ChangeCodeEntryEndpoint.Map(group);
        HsEndpoints.Map(group);
    }
}
