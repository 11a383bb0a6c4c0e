using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Declarations;
using Silkgate.Clearance.Evidence;
using Silkgate.Clearance.FileExchange;
using Silkgate.Clearance.Gateway;
using Silkgate.Clearance.Gateway.ReceiveMessage;
using Silkgate.Clearance.Gateway.UploadMessage;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Limits;
using Silkgate.Clearance.Matching;
using Silkgate.Clearance.Outbox;
using Silkgate.Clearance.Queries;
using Silkgate.Clearance.Receipts;
using Silkgate.Clearance.Receipts.ListReceipts;
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
        AddGateway(services, configuration);
        AddDeclarations(services, configuration);
    }

    /// <summary>Transport half of ingest: gateway, single batch writer, evidence, receipts, file exchange, outbox.</summary>
    private static void AddGateway(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section));
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section));
        services.AddOptions<FileExchangeOptions>().Bind(configuration.GetSection(FileExchangeOptions.Section));

        // Gateway: parse and validate on the receiving thread, then one writer commits batches.
        services.AddSingleton<ReceiptFactory>();
        services.AddSingleton<MessagePreparer>();
        services.AddSingleton<SenderCheck>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MessageGateway>();
        services.AddScoped<IMessageUpload, MessageUpload>();
        services.AddHostedService<IngestWriterService>();

        services.AddSingleton<IEvidenceLedger, EvidenceLedger>();
        services.AddSingleton<ExchangeFolders>();
        services.AddSingleton<IExchangeFolders>(sp => sp.GetRequiredService<ExchangeFolders>());
        services.AddSingleton<FileExchangeService>();
        services.AddHostedService(sp => sp.GetRequiredService<FileExchangeService>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
    }

    /// <summary>Document lifecycle, three-document matching, import limits and their queries (the business half of ingest).</summary>
    private static void AddDeclarations(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateOnStart();
        services.AddSingleton<PrivacyKeyRules>();
        services.AddSingleton<IPostConfigureOptions<PrivacyOptions>>(sp => sp.GetRequiredService<PrivacyKeyRules>());
        services.AddSingleton<IValidateOptions<PrivacyOptions>>(sp => sp.GetRequiredService<PrivacyKeyRules>());
        services.Configure<MatchingOptions>(configuration.GetSection(MatchingOptions.Section));
        services.Configure<LimitOptions>(configuration.GetSection(LimitOptions.Section));
        services.AddSingleton<PersonalData>();
        services.AddSingleton<DocumentDecoder>();
        services.AddSingleton<ImportLimitGuard>();
        services.AddSingleton<SaleCoordinator>();
        services.AddSingleton<IDeclarationProcessor, DeclarationProcessor>();
        services.AddSingleton<OverdueWarnings>();
        services.AddSingleton<OverdueWarningService>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueWarningService>());
        services.AddSingleton<SaleQueries>();
        services.AddScoped<IDeclarationQueries, DeclarationQueries>();
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
        ReceiveMessageEndpoint.Map(group);
        ListReceiptsEndpoint.Map(group);
    }
}
