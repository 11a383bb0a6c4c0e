using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Access;
using Silkgate.RefData.Contracts;
using Silkgate.Testing;

namespace Silkgate.RefData.Tests.Api;

public abstract class CodeTableOverrideTests(PlatformHost host)
{
    [Fact]
    public async Task A_zone_admin_adds_a_unit_and_lookups_and_the_API_see_it_and_the_change_is_audited()
    {
        var app = host;
        using var admin = app.ClientAs(Actors.ZoneAdmin);

        var response = await admin.PutAsJsonAsync("/api/v1/refdata/tables/units/901", new { nameZh = "测试单位", nameEn = "test unit" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tables = app.Services.GetRequiredService<ICodeTables>();
        Assert.True(tables.Units.TryGet("901", out var unit));
        Assert.Equal(("测试单位", "test unit", true), (unit.NameZh, unit.NameEn, unit.Overridden));
        using var anonymous = app.ClientAs(null);
        var detail = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/refdata/tables/units/901");
        Assert.Equal("测试单位", detail.GetProperty("entry").GetProperty("nameZh").GetString());
        Assert.Equal(1, detail.GetProperty("history").GetArrayLength());
        await app.WaitForAuditAsync("code-table:units/901", "refdata.code.change", AuditOutcome.Succeeded);
    }

    [Fact]
    public async Task An_override_replaces_a_shipped_entry_keeping_unchanged_extra_columns_and_a_withdrawal_removes_it()
    {
        var app = host;
        using var admin = app.ClientAs(Actors.ProvinceAdmin);
        var tables = app.Services.GetRequiredService<ICodeTables>();

        var put = await admin.PutAsJsonAsync("/api/v1/refdata/tables/countries/610", new { nameZh = "诺福克岛", nameEn = "Norfolk Island (AU)", extra = new { iso3 = "NFK" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(tables.Countries.TryGet("610", out var norfolk));
        Assert.Equal(("Norfolk Island (AU)", "NF"), (norfolk.NameEn, norfolk.Get("iso2")));

        var withdraw = await admin.PutAsJsonAsync("/api/v1/refdata/tables/countries/610", new { nameZh = "诺福克岛", deleted = true });
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.False(tables.Countries.TryGet("610", out _));
        using var anonymous = app.ClientAs(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/refdata/tables/countries/610")).StatusCode);
    }

    [Fact]
    public async Task A_change_dated_in_the_future_is_recorded_but_not_yet_effective()
    {
        var app = host;
        using var admin = app.ClientAs(Actors.ProvinceAdmin);

        var response = await admin.PutAsJsonAsync("/api/v1/refdata/tables/currencies/502", new { nameZh = "美元（未来）", validFrom = DateTimeOffset.UtcNow.AddYears(5) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(app.Services.GetRequiredService<ICodeTables>().Currencies.TryGet("502", out var usd));
        Assert.Equal("美元", usd.NameZh);
        var history = await app.Services.CreateScope().ServiceProvider.GetRequiredService<ICodeTableEditor>().HistoryAsync("currencies", "502", CancellationToken.None);
        Assert.Equal("美元（未来）", history.Single().NameZh);
    }

    [Fact]
    public async Task Enterprise_users_are_refused_and_the_refusal_is_audited_and_anonymous_callers_must_sign_in()
    {
        var app = host;
        using var user = app.ClientAs(Actors.EnterpriseUser);
        using var anonymous = app.ClientAs(null);

        var refused = await user.PutAsJsonAsync("/api/v1/refdata/tables/units/902", new { nameZh = "x" });
        var unsigned = await anonymous.PutAsJsonAsync("/api/v1/refdata/tables/units/902", new { nameZh = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        await app.WaitForAuditAsync("code-table:units/902", "refdata.code.change", AuditOutcome.Denied);
        Assert.False(app.Services.GetRequiredService<ICodeTables>().Units.Contains("902"));
    }

    [Fact]
    public async Task Invalid_changes_name_the_field_and_the_reason_and_record_nothing()
    {
        var app = host;
        using var admin = app.ClientAs(Actors.ProvinceAdmin);

        var badCode = await admin.PutAsJsonAsync("/api/v1/refdata/tables/units/12A4", new { nameZh = "x" });
        var noName = await admin.PutAsJsonAsync("/api/v1/refdata/tables/units/903", new { nameEn = "x" });
        var badColumn = await admin.PutAsJsonAsync("/api/v1/refdata/tables/units/904", new { nameZh = "x", extra = new { iso2 = "XX" } });
        var noTable = await admin.PutAsJsonAsync("/api/v1/refdata/tables/planets/904", new { nameZh = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("\"code\"", await badCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Contains("nameZh", await noName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badColumn.StatusCode);
        Assert.Contains("extra.iso2", await badColumn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noTable.StatusCode);
        Assert.False(app.Services.GetRequiredService<ICodeTables>().Units.Contains("903"));
    }

    [Fact]
    public async Task An_admin_adds_an_entry_through_the_page_and_others_see_no_form()
    {
        var app = host;
        using var admin = app.ClientAs(Actors.ProvinceAdmin);
        var form = await admin.GetStringAsync("/refdata/packaging-types/97");
        Assert.Contains("data-testid=\"edit-entry\"", form, StringComparison.Ordinal);
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        using var post = await admin.PostAsync("/refdata/packaging-types/97", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "refdata-change",
            ["__RequestVerificationToken"] = token,
            ["Form.NameZh"] = "测试托盘",
            ["Form.NameEn"] = "Test pallets",
        }));

        Assert.True(post.IsSuccessStatusCode, post.StatusCode.ToString());
        Assert.True(app.Services.GetRequiredService<ICodeTables>().PackagingTypes.TryGet("97", out var added));
        Assert.Equal(("测试托盘", "Test pallets"), (added.NameZh, added.NameEn));
        await app.WaitForAuditAsync("code-table:packaging-types/97", "refdata.code.change", AuditOutcome.Succeeded);
        using var anonymous = app.ClientAs(null);
        var page = await anonymous.GetStringAsync("/refdata/packaging-types/97");
        Assert.Contains("测试托盘", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"edit-entry\"", page, StringComparison.Ordinal);

        using var country = await admin.PostAsync("/refdata/countries/998", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "refdata-change",
            ["__RequestVerificationToken"] = token,
            ["Form.NameZh"] = "测试地区",
            ["Form.Extra[iso2]"] = "ZZ",
        }));
        Assert.True(country.IsSuccessStatusCode, country.StatusCode.ToString());
        Assert.True(app.Services.GetRequiredService<ICodeTables>().Countries.TryGet("998", out var region));
        Assert.Equal("ZZ", region.Get("iso2"));
    }
}

public sealed class CodeTableOverrideTestsOnSqlite(SqliteHost host) : CodeTableOverrideTests(host), IClassFixture<SqliteHost>;

public sealed class CodeTableOverrideTestsOnPostgres(PostgresHost host) : CodeTableOverrideTests(host), IClassFixture<PostgresHost>;
