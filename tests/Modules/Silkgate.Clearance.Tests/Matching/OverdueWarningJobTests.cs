using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Silkgate.Clearance.Matching;
using Silkgate.Clearance.Queries;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Matching;

/// <summary>The overdue-warning job in the real host: a sale that waits past the deadline is flagged by the job's scan.</summary>
public abstract class OverdueWarningJobTests
{
    private readonly PlatformHost _host;
    private readonly GatewayHarness _gateway;

    protected OverdueWarningJobTests(PlatformHost host)
    {
        _host = host;
        host.Settings["Clearance:Matching:WaitWarningAfter"] = "00:00:01";
        host.Settings["Clearance:Matching:WarningScanInterval"] = "01:00:00";
        _gateway = GatewayHarness.For(host);
    }

    [Fact]
    public async Task A_sale_waiting_past_the_deadline_is_flagged_by_the_hosted_job()
    {
        var (sender, key) = await _gateway.NewSenderAsync();
        using var client = _host.CreateClientWithKey(key);
        var order = Order(sender.CustomsCode);
        var response = await PostAsync(client, Bytes(order));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = _host.Services.GetServices<IHostedService>().OfType<OverdueWarningService>().Single();
        var queries = _host.Services.GetRequiredService<SaleQueries>();
        var filter = new SaleFilter(OrderNo: order.Order[0].OrderHead.OrderNo, Direction: "I");
        var sale = Assert.Single((await queries.ListSalesAsync(filter, default)).Items);
        Assert.Equal(("Waiting", 0L), (sale.State, sale.Warned));
        Assert.Equal(GatewayHarness.Zone, sale.ZoneCode); // the sender's zone, put on the ingest context by the gateway

        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        var flagged = await job.ScanAsync(default);
        var again = await job.ScanAsync(default);

        Assert.Contains(sale.Id, flagged);
        Assert.DoesNotContain(sale.Id, again);
        Assert.Equal(1L, Assert.Single((await queries.ListSalesAsync(filter, default)).Items).Warned);
    }
}

public sealed class OverdueWarningJobTestsOnSqlite(SqliteHost host) : OverdueWarningJobTests(host), IClassFixture<SqliteHost>;

public sealed class OverdueWarningJobTestsOnPostgres(PostgresHost host) : OverdueWarningJobTests(host), IClassFixture<PostgresHost>;
