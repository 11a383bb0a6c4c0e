using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Features.CountEnterprises;
using Silkgate.Registry.Features.DecideOnEnterprise;
using Silkgate.Registry.Features.RegisterEnterprise;
using Silkgate.Registry.Features.SearchEnterprises;
using Silkgate.Registry.Features.UpdateEnterprise;
using Silkgate.Registry.Features.ViewEnterprise;

namespace Silkgate.Registry.Enterprises;

/// <summary>The registry's facade for the API and the portal: one handler per use case.</summary>
internal sealed class EnterpriseRegistry(IServiceProvider services) : IEnterpriseRegistry
{
    public Task<Result<EnterpriseDetails>> RegisterAsync(EnterpriseForm form, CancellationToken ct) =>
        Get<RegisterEnterpriseHandler>().HandleAsync(form, ct);

    public Task<Result<EnterprisePage>> SearchAsync(EnterpriseQuery query, CancellationToken ct) =>
        Get<SearchEnterprisesHandler>().HandleAsync(query, ct);

    public Task<Result<EnterpriseDetails>> GetAsync(long enterpriseId, CancellationToken ct) =>
        Get<ViewEnterpriseHandler>().GetAsync(enterpriseId, ct);

    public Task<Result<EnterpriseDetails>> UpdateAsync(long enterpriseId, EnterpriseForm form, CancellationToken ct) =>
        Get<UpdateEnterpriseHandler>().HandleAsync(enterpriseId, form, ct);

    public Task<Result<EnterpriseDetails>> DecideAsync(long enterpriseId, EnterpriseDecision decision, string? reason, CancellationToken ct) =>
        Get<DecideOnEnterpriseHandler>().HandleAsync(enterpriseId, decision, reason, ct);

    public Task<Result<IReadOnlyList<StatusChange>>> HistoryAsync(long enterpriseId, CancellationToken ct) =>
        Get<ViewEnterpriseHandler>().HistoryAsync(enterpriseId, ct);

    public Task<Result<IReadOnlyList<ZoneStatusCount>>> CountByZoneAsync(CancellationToken ct) =>
        Get<CountEnterprisesHandler>().HandleAsync(ct);

    // Handlers are resolved per call so that the facade itself stays cheap to inject into pages.
    private T Get<T>()
        where T : notnull => (T)services.GetService(typeof(T))!;
}
