using Silkgate.Clearance.Contracts;

namespace Silkgate.Clearance.Customs.Queries;

/// <summary>The access check is the sale's own (<see cref="IDeclarationQueries.GetSaleAsync"/>, which audits a denial).</summary>
internal sealed class CustomsTimeline(IDeclarationQueries sales, CustomsRecords records) : ICustomsTimeline
{
    public async Task<SaleCustomsView?> GetSaleCustomsAsync(long saleId, CancellationToken ct) =>
        await sales.GetSaleAsync(saleId, ct) is null ? null : await records.SaleAsync(saleId, ct);
}
