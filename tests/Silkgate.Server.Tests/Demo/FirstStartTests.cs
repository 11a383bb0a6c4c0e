using System.Net;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data;
using Silkgate.Server.Demo;
using Silkgate.Testing;

namespace Silkgate.Server.Tests.Demo;

/// <summary>The first start in demo mode seeds a month of trade (small scale) before the server answers; later starts do not.</summary>
public abstract class FirstStartTests
{
    private readonly PlatformHost _host;

    protected FirstStartTests(PlatformHost host)
    {
        host.Settings["Platform:Mode"] = "Demo";
        host.Settings["Demo:Trade:Months"] = "1";
        host.Settings["Demo:Trade:SalesPerDay"] = "4";
        host.Settings["Demo:Trade:Sellers"] = "8";
        _host = host;
    }

    [Fact]
    public async Task First_start_in_demo_mode_seeds_the_trade_once_before_the_server_answers()
    {
        using var client = _host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        Assert.True(await CountAsync("SELECT COUNT(*) FROM clearance_sales") > 50);
        Assert.True(await CountAsync("SELECT COUNT(DISTINCT zone_code) FROM clearance_sales") >= 3);
        Assert.Equal(await CountAsync("SELECT COUNT(*) FROM clearance_messages"), await CountAsync("SELECT COUNT(*) FROM clearance_messages WHERE channel = 'Http' AND api_key_id IS NOT NULL"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM identity_audit WHERE action = 'demo.trade.plan'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM identity_audit WHERE action = 'demo.trade.done'"));
    }

    [Fact]
    public async Task A_later_start_finds_the_seeded_trade_and_sends_nothing()
    {
        using var client = _host.CreateClient();
        var before = await CountsAsync();
        using var output = new StringWriter();

        var report = await DemoTrade.SeedOnFirstStartAsync(_host.Services.GetRequiredService<IConfiguration>(), output, CancellationToken.None);

        Assert.Equal(DemoTradeOutcome.AlreadySeeded, report.Outcome);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM identity_audit WHERE action = 'demo.trade.plan'"));
    }

    [Fact]
    public async Task Sales_left_waiting_for_more_than_a_day_are_flagged_by_the_overdue_job_after_the_start()
    {
        using var client = _host.CreateClient();
        var dayAgo = DateTimeOffset.UtcNow.AddHours(-24).ToUnixTimeMilliseconds();
        Assert.True(await CountAsync($"SELECT COUNT(*) FROM clearance_sales WHERE state = 'Waiting' AND waiting_since_at <= {dayAgo}") > 0);

        // The job's first scan runs right after the host started.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync($"SELECT COUNT(*) FROM clearance_sales WHERE state = 'Waiting' AND warned = 0 AND waiting_since_at <= {dayAgo}") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "overdue waiting sales were not flagged");
            await Task.Delay(200);
        }

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM clearance_sales WHERE state <> 'Waiting' AND warned = 1"));
    }

    private async Task<string> CountsAsync() =>
        string.Join(",", await Task.WhenAll(new[] { "clearance_messages", "clearance_sales", "clearance_documents", "registry_enterprises", "identity_api_keys" }
            .Select(t => CountAsync($"SELECT COUNT(*) FROM {t}"))));

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _host.Services.GetRequiredService<Database>().OpenAsync(CancellationToken.None);
        return await connection.QuerySingleAsync<long>(sql);
    }
}

public sealed class FirstStartTestsOnSqlite(SqliteHost host) : FirstStartTests(host), IClassFixture<SqliteHost>;

public sealed class FirstStartTestsOnPostgres(PostgresHost host) : FirstStartTests(host), IClassFixture<PostgresHost>;
