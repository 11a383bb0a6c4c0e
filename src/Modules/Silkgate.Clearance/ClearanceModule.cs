using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs;
using Silkgate.Clearance.Customs.Exchange;
using Silkgate.Clearance.Customs.Transport;
using Silkgate.Clearance.Customs.Declaring;
using Silkgate.Clearance.Customs.Queries;
using Silkgate.Clearance.Customs.Receipts;
using Silkgate.Clearance.Returns;
using Silkgate.Clearance.Customs.Certificates;
using Silkgate.Clearance.Customs.Signing;
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
using Silkgate.Kernel.Data;
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
        AddCustomsTransport(services, configuration);
        AddSigning(services, configuration);
    }

    /// <summary>
    /// The way to customs: durable queue, sender, receiver, transport (directory or AMQP) and the exchange page's facade.
    /// The signer and the receipt sink come from elsewhere; without them nothing is sent or taken, and nothing is lost.
    /// </summary>
    private static void AddCustomsTransport(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CustomsTransportOptions>().Bind(configuration.GetSection(CustomsTransportOptions.Section));
        services.AddSingleton<CustomsSignal>();
        services.AddSingleton<ICustomsQueue, CustomsQueue>();
        services.AddSingleton<CustomsEnvelopes>();
        services.AddSingleton<DirectoryTransport>();
        services.AddSingleton<AmqpTransport>();
        services.AddSingleton<ICustomsTransport>(sp =>
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CustomsTransportOptions>>().Value.Transport == CustomsTransportKind.Amqp
                ? sp.GetRequiredService<AmqpTransport>()
                : sp.GetRequiredService<DirectoryTransport>());
        services.AddSingleton<CustomsSender>();
        services.AddHostedService<CustomsSenderService>();
        services.AddSingleton<CustomsReceiver>();
        services.AddHostedService<CustomsReceiverService>();
        services.AddSingleton<CustomsExchangeQueries>();
        services.AddScoped<ICustomsExchange, CustomsExchange>();
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
        services.AddSingleton<CheckpointSignal>();
        services.AddSingleton<WalFlusher>();
        services.AddHostedService<WalCheckpointer>();

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
        AddCustomsLifecycle(services, configuration);
        services.AddSingleton<IDeclarationProcessor, DeclarationProcessor>();
        services.AddSingleton<OverdueWarnings>();
        services.AddSingleton<OverdueWarningService>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueWarningService>());
        services.AddSingleton<SaleQueries>();
        services.AddScoped<IDeclarationQueries, DeclarationQueries>();
    }

    /// <summary>What goes to customs and what customs' receipts mean (the transport and signer are registered elsewhere).</summary>
    private static void AddCustomsLifecycle(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReturnOptions>(configuration.GetSection(ReturnOptions.Section));
        services.AddSingleton<CustomsDeclaring>();
        services.AddSingleton<SeparateDeclarations>();
        services.AddSingleton<ReceiptApplier>();
        services.AddSingleton<TaxBills>();
        services.AddSingleton<SummaryResults>();
        services.AddSingleton<ICustomsReceiptSink, CustomsReceiptSink>();
        services.AddScoped<IIntegrationEventHandler, OutFolderRelay>();
        services.AddSingleton<CustomsRecords>();
        services.AddSingleton<ICustomsRecords>(sp => sp.GetRequiredService<CustomsRecords>());
        services.AddScoped<ICustomsTimeline, CustomsTimeline>();
    }

    /// <summary>Signing certificates, deposited keys, the gateway's signature step and <see cref="ICustomsSigner"/>.</summary>
    private static void AddSigning(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SigningOptions>().Bind(configuration.GetSection(SigningOptions.Section));
        services.AddSingleton<MasterKey>();
        services.AddSingleton<KeySealer>();
        services.AddSingleton<SenderSigningCache>();
        services.AddSingleton<SignatureGate>();
        services.AddSingleton<ICustomsSigner, CustomsSigner>();
        // The platform registers the unit of work; hosts that build the module alone (its own tests, tools) get it here.
        services.TryAddScoped<DbSession>();
        services.AddScoped<CertificateStore>();
        services.AddScoped<KeyDepositStore>();
        services.AddScoped<SigningAccess>();
        services.AddScoped<CertificateHandlers>();
        services.AddScoped<KeyDepositHandlers>();
        services.AddScoped<ISigningAdmin, SigningAdmin>();
        services.AddHostedService<MasterKeyStartupCheck>();
    }

    public void MapEndpoints(IEndpointRouteBuilder group)
    {
        ReceiveMessageEndpoint.Map(group);
        ListReceiptsEndpoint.Map(group);
        ExchangeEndpoints.Map(group);
        SigningEndpoints.Map(group);
    }
}
