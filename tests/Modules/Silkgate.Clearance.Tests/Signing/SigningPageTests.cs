using System.Net;
using Silkgate.Clearance.Tests.Pages;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Signing;

public abstract class SigningPageTests(PlatformHost host)
{
    private readonly SigningHarness _signing = SigningHarness.For(host);

    [Fact]
    public async Task The_enterprise_admin_sees_its_certificate_and_deposited_key_in_Chinese_with_the_forms_to_manage_them()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var certificate = SigningHarness.NewSm2();
        await _signing.RegisterAsync(sender, certificate);
        await _signing.DepositAsync(sender, SigningHarness.NewRsa());
        using var client = _signing.AdminOf(sender);

        var (status, html) = await PageHost.GetAsync(client, "/clearance/signing");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("签名证书与密钥", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"certificate-row\" data-status=\"Active\"", html, StringComparison.Ordinal);
        Assert.Contains(certificate.CebCertificate.SerialNumberHex, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signing-key-row\" data-status=\"Active\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"certificate-register\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signing-key-deposit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_is_complete_in_English()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        using var client = _signing.AdminOf(sender);

        var (_, html) = await PageHost.GetAsync(client, "/clearance/signing?culture=en&ui-culture=en");

        Assert.Contains("Signing certificates and keys", html, StringComparison.Ordinal);
        Assert.Contains("Deposited signing keys", html, StringComparison.Ordinal);
        Assert.DoesNotContain("托管加签密钥", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zone_admin_reads_without_forms_and_another_enterprise_sees_nothing()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var (other, _) = await _signing.Gateway.NewSenderAsync();
        var certificate = SigningHarness.NewSm2();
        await _signing.RegisterAsync(sender, certificate);
        using var zone = host.CreateClientAs(GatewayHarness.ZoneAdmin());
        using var stranger = _signing.AdminOf(other);

        var (_, zoneHtml) = await PageHost.GetAsync(zone, $"/clearance/signing?enterpriseId={sender.Id}");
        var (_, strangerHtml) = await PageHost.GetAsync(stranger, $"/clearance/signing?enterpriseId={sender.Id}");

        Assert.Contains(certificate.CebCertificate.SerialNumberHex, zoneHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"certificate-register\"", zoneHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signing-not-found\"", strangerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(certificate.CebCertificate.SerialNumberHex, strangerHtml, StringComparison.Ordinal);
    }
}

public sealed class SigningPageTestsOnSqlite(SqliteHost host) : SigningPageTests(host), IClassFixture<SqliteHost>;

public sealed class SigningPageTestsOnPostgres(PostgresHost host) : SigningPageTests(host), IClassFixture<PostgresHost>;
