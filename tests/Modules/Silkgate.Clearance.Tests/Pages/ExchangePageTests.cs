using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Pages;

/// <summary>
/// The customs exchange page and its JSON API on the real host. Queue entries are written straight into the table
/// (the states the sender would leave); the host has no signer, so nothing is sent behind the test's back.
/// </summary>
public abstract partial class ExchangePageTests(PlatformHost host)
{
    // The page is tested on queue states written by the test: the host's real sender must not move them.
    private readonly PlatformHost host = WithoutSender(host);

    private static PlatformHost WithoutSender(PlatformHost host)
    {
        host.Settings["Clearance:Customs:Sending:Enabled"] = "false";
        return host;
    }

    [Fact]
    public async Task A_zone_admin_sees_depth_times_and_failures_of_their_own_zone_only()
    {
        var (zone, other) = (NewZone(), NewZone());
        var failed = await SeedAsync(zone, "Failed", "-621028: no valid certificate");
        var deferred = await SeedAsync(zone, "Pending", "transport: the exchange is unreachable");
        await SeedAsync(zone, "Pending", null);
        await SeedAsync(zone, "Sent", null, sentAt: 1_772_330_400_000);
        var elsewhere = await SeedAsync(other, "Failed", "-621028: elsewhere");
        using var client = host.CreateClientAs(PageHost.ZoneAdmin(zone));

        var (status, html) = await PageHost.GetAsync(client, "/clearance/exchange");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-zone=\"{zone}\"", html, StringComparison.Ordinal);
        Assert.Equal("2", Depth(html, "Pending"));
        Assert.Equal("1", Depth(html, "Deferred"));
        Assert.Equal("1", Depth(html, "Failed"));
        Assert.Equal("1", Depth(html, "Sent"));
        Assert.Contains("2026-03-01 10:00:00", html, StringComparison.Ordinal);
        Assert.Contains($"data-guid=\"{failed.Guid}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-guid=\"{deferred.Guid}\"", html, StringComparison.Ordinal);
        Assert.Contains("-621028: no valid certificate", html, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.Guid, html, StringComparison.Ordinal);
        Assert.Contains("海关数据交换", html, StringComparison.Ordinal);

        using var api = await client.GetAsync(new Uri($"/api/v1/ceb/exchange?zone={other}", UriKind.Relative));
        var json = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(zone, json.GetProperty("zoneCode").GetString());
        Assert.Equal(1, json.GetProperty("failed").GetInt64());
        Assert.Equal(2, json.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task The_exchange_page_is_complete_in_English()
    {
        var zone = NewZone();
        await SeedAsync(zone, "Failed", "-621028: refused");
        using var client = host.CreateClientAs(PageHost.ZoneAdmin(zone));

        var (_, html) = await PageHost.GetAsync(client, "/clearance/exchange?culture=en&ui-culture=en");

        Assert.Contains("Customs exchange", html, StringComparison.Ordinal);
        Assert.Contains("Retry all failed messages", html, StringComparison.Ordinal);
        Assert.DoesNotContain("重新发送", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_user_is_refused_the_page_and_the_api_and_the_attempt_is_audited()
    {
        var zone = NewZone();
        var entry = await SeedAsync(zone, "Failed", "-621028: refused");
        var tenant = await host.NewEnterpriseAsync();
        using var client = host.CreateClientAs(tenant.User);

        var (status, html) = await PageHost.GetAsync(client, "/clearance/exchange");
        using var api = await client.GetAsync(new Uri("/api/v1/ceb/exchange", UriKind.Relative));
        using var retry = await client.PostAsync(new Uri($"/api/v1/ceb/exchange/entries/{entry.Id}/retry", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("data-testid=\"exchange-forbidden\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.Guid, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retry.StatusCode);
        Assert.Equal("Failed", await StateAsync(entry.Id));
        await host.WaitForAuditQueryAsync($"action=clearance.exchange.read&outcome=Denied",
            entries => entries.Any(e => e.ActorUserId == tenant.User.UserId));
        await host.WaitForAuditAsync($"customs-queue:{entry.Id}", "clearance.exchange.retry", AuditOutcome.Denied);
    }

    [Fact]
    public async Task Retry_on_the_page_makes_a_failed_entry_due_again()
    {
        var zone = NewZone();
        var entry = await SeedAsync(zone, "Failed", "-621028: refused");
        using var client = host.CreateClientAs(PageHost.ZoneAdmin(zone));
        var page = await client.GetStringAsync(new Uri("/clearance/exchange", UriKind.Relative));
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["_handler"] = $"retry-{entry.Id}",
        });
        var response = await client.PostAsync(new Uri("/clearance/exchange", UriKind.Relative), form);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"exchange-notice\"", html, StringComparison.Ordinal);
        Assert.Equal("Pending", await StateAsync(entry.Id));
        var due = await Store.CountAsync(host, "SELECT next_attempt_at FROM clearance_customs_queue WHERE id = @id", new { id = entry.Id });
        Assert.InRange(due, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await host.WaitForAuditAsync($"customs-queue:{entry.Id}", "clearance.exchange.retry", AuditOutcome.Succeeded);
    }

    [Fact]
    public async Task The_api_retries_every_failed_entry_of_the_zone_and_treats_other_zones_entries_as_not_found()
    {
        var (zone, other) = (NewZone(), NewZone());
        var first = await SeedAsync(zone, "Failed", "-621028: refused");
        var second = await SeedAsync(zone, "Failed", "-621028: refused");
        var elsewhere = await SeedAsync(other, "Failed", "-621028: refused");
        using var client = host.CreateClientAs(PageHost.ZoneAdmin(zone));

        using var foreign = await client.PostAsync(new Uri($"/api/v1/ceb/exchange/entries/{elsewhere.Id}/retry", UriKind.Relative), null);
        using var all = await client.PostAsync(new Uri($"/api/v1/ceb/exchange/retry-failed?zone={other}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(2, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retried").GetInt32());
        Assert.Equal("Pending", await StateAsync(first.Id));
        Assert.Equal("Pending", await StateAsync(second.Id));
        Assert.Equal("Failed", await StateAsync(elsewhere.Id));

        using var province = host.CreateClientAs(new Actor(7_000_002, "province admin", Role.ProvinceAdmin, "330000"));
        using var retried = await province.PostAsync(new Uri($"/api/v1/ceb/exchange/entries/{elsewhere.Id}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal("Pending", await StateAsync(elsewhere.Id));
    }

    private static string NewZone() => "39" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(long Id, string Guid)> SeedAsync(string zone, string state, string? error, long? sentAt = null)
    {
        var guid = Guid.NewGuid().ToString().ToUpperInvariant();
        var id = await Store.CountAsync(host,
            "INSERT INTO clearance_customs_queue (document_id, enterprise_id, zone_code, message_type, message_guid, message, state, attempts, " +
            "next_attempt_at, last_error, enqueued_at, sent_at) VALUES (1, 1, @zone, 'CEB621Message', @guid, @message, @state, 1, 0, @error, 0, @sentAt) RETURNING id",
            new { zone, guid, message = "<x/>"u8.ToArray(), state, error, sentAt });
        return (id, guid);
    }

    private async Task<string> StateAsync(long id)
    {
        var database = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Silkgate.Kernel.Data.Database>(host.Services);
        await using var connection = await database.OpenAsync(default);
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT state FROM clearance_customs_queue WHERE id = @id", new { id }) ?? "";
    }

    private static string Depth(string html, string state) =>
        Regex.Match(html, $"data-testid=\"depth\" data-state=\"{state}\">[^<]*<strong>(\\d+)</strong>").Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class ExchangePageTestsOnSqlite(SqliteHost host) : ExchangePageTests(host), IClassFixture<SqliteHost>;

public sealed class ExchangePageTestsOnPostgres(PostgresHost host) : ExchangePageTests(host), IClassFixture<PostgresHost>;
