using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Signing;

public abstract class CertificateApiTests(PlatformHost host)
{
    private readonly SigningHarness _signing = SigningHarness.For(host);

    [Fact]
    public async Task The_enterprise_admin_registers_a_certificate_and_sees_its_number_subject_algorithm_and_validity()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var identity = SigningHarness.NewSm2();

        var stored = await _signing.RegisterAsync(sender, identity);

        var expected = identity.CebCertificate;
        Assert.Equal(sender.Id, stored.GetProperty("enterpriseId").GetInt64());
        Assert.Equal(expected.SerialNumberHex, stored.GetProperty("certificateNo").GetString());
        Assert.Equal(expected.Subject, stored.GetProperty("subject").GetString());
        Assert.Equal("SM2", stored.GetProperty("algorithm").GetString());
        Assert.Equal(expected.Sha256Thumbprint, stored.GetProperty("thumbprint").GetString());
        Assert.Equal(expected.NotAfter, stored.GetProperty("notAfter").GetDateTimeOffset());
        Assert.Equal("Active", stored.GetProperty("status").GetString());
        using var client = _signing.AdminOf(sender);
        var list = await SigningHarness.ReadAsync(await client.GetAsync(new Uri("/api/v1/ceb/certificates", UriKind.Relative)));
        Assert.Equal(stored.GetProperty("id").GetInt64(), list.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64());
        Assert.True(list.GetProperty("mayManage").GetBoolean());
        await _signing.Gateway.WaitForAuditAsync("clearance.signing-certificate.register", a => a.Subject == $"signing-certificate:{stored.GetProperty("id").GetInt64()}");
    }

    [Fact]
    public async Task A_certificate_given_as_Base64_DER_and_an_RSA_certificate_are_accepted()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        using var client = _signing.AdminOf(sender);
        var rsa = SigningHarness.NewRsa();

        var stored = await SigningHarness.ReadAsync(await SigningHarness.RegisterAsync(client, Convert.ToBase64String(rsa.Certificate.GetEncoded())), HttpStatusCode.Created);

        Assert.Equal("RSA", stored.GetProperty("algorithm").GetString());
        Assert.Equal(rsa.CebCertificate.SerialNumberHex, stored.GetProperty("certificateNo").GetString());
    }

    [Fact]
    public async Task Revoking_marks_the_certificate_revoked_with_who_and_why_and_a_second_revocation_conflicts()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var id = (await _signing.RegisterAsync(sender, SigningHarness.NewSm2())).GetProperty("id").GetInt64();
        using var client = _signing.AdminOf(sender);

        var revoked = await SigningHarness.ReadAsync(await client.PostAsJsonAsync($"/api/v1/ceb/certificates/{id}/revoke", new { reason = "key lost" }, GatewayHarness.Json));
        var again = await client.PostAsJsonAsync($"/api/v1/ceb/certificates/{id}/revoke", new { reason = "again" }, GatewayHarness.Json);

        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());
        Assert.Equal("key lost", revoked.GetProperty("revokeReason").GetString());
        Assert.Equal("企业管理员", revoked.GetProperty("revokedByName").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await _signing.Gateway.WaitForAuditAsync("clearance.signing-certificate.revoke", a => a.Subject == $"signing-certificate:{id}" && a.Outcome == AuditOutcome.Succeeded);
    }

    [Fact]
    public async Task Another_enterprise_gets_404_for_the_list_the_certificate_and_its_revocation_and_is_audited()
    {
        var (owner, _) = await _signing.Gateway.NewSenderAsync();
        var (other, _) = await _signing.Gateway.NewSenderAsync();
        var id = (await _signing.RegisterAsync(owner, SigningHarness.NewSm2())).GetProperty("id").GetInt64();
        using var client = _signing.AdminOf(other);

        var list = await client.GetAsync(new Uri($"/api/v1/ceb/certificates?enterpriseId={owner.Id}", UriKind.Relative));
        var one = await client.GetAsync(new Uri($"/api/v1/ceb/certificates/{id}", UriKind.Relative));
        var revoke = await client.PostAsJsonAsync($"/api/v1/ceb/certificates/{id}/revoke", new { reason = "hostile" }, GatewayHarness.Json);
        var register = await SigningHarness.RegisterAsync(client, SigningHarness.NewSm2().CertificatePem, owner.Id);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, register.StatusCode);
        Assert.Equal("application/problem+json", revoke.Content.Headers.ContentType?.MediaType);
        await _signing.Gateway.WaitForAuditAsync("clearance.signing-certificate.revoke", a => a.Subject == $"signing-certificate:{id}" && a.Outcome == AuditOutcome.Denied);
        using var owners = _signing.AdminOf(owner);
        var still = await SigningHarness.ReadAsync(await owners.GetAsync(new Uri($"/api/v1/ceb/certificates/{id}", UriKind.Relative)));
        Assert.Equal("Active", still.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_enterprise_user_who_is_not_admin_reads_but_gets_403_for_registering_and_revoking()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var id = (await _signing.RegisterAsync(sender, SigningHarness.NewSm2())).GetProperty("id").GetInt64();
        using var user = host.CreateClientAs(new Actor(GatewayHarness.NewUserId(), "企业用户", Role.EnterpriseUser, GatewayHarness.Province, GatewayHarness.Zone, EnterpriseId: sender.Id));

        var list = await SigningHarness.ReadAsync(await user.GetAsync(new Uri("/api/v1/ceb/certificates", UriKind.Relative)));
        var register = await SigningHarness.RegisterAsync(user, SigningHarness.NewSm2().CertificatePem);
        var revoke = await user.PostAsJsonAsync($"/api/v1/ceb/certificates/{id}/revoke", new { reason = "x" }, GatewayHarness.Json);

        Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.False(list.GetProperty("mayManage").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
    }

    [Fact]
    public async Task The_zone_admin_sees_the_certificates_of_an_enterprise_of_the_zone_but_may_not_register()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        await _signing.RegisterAsync(sender, SigningHarness.NewSm2());
        using var zone = host.CreateClientAs(GatewayHarness.ZoneAdmin());
        using var otherZone = host.CreateClientAs(new Actor(GatewayHarness.NewUserId(), "他区管理员", Role.ZoneAdmin, GatewayHarness.Province, "330100"));

        var list = await SigningHarness.ReadAsync(await zone.GetAsync(new Uri($"/api/v1/ceb/certificates?enterpriseId={sender.Id}", UriKind.Relative)));
        var register = await SigningHarness.RegisterAsync(zone, SigningHarness.NewSm2().CertificatePem, sender.Id);
        var foreign = await otherZone.GetAsync(new Uri($"/api/v1/ceb/certificates?enterpriseId={sender.Id}", UriKind.Relative));

        Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        await _signing.Gateway.WaitForAuditAsync("clearance.signing-certificate.read", a => a.Subject == $"enterprise:{sender.Id}" && a.Outcome == AuditOutcome.Succeeded);
    }

    [Theory]
    [InlineData("", "certificate.required")]
    [InlineData("bm90IGEgY2VydGlmaWNhdGU=", "certificate.unreadable")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "certificate.unreadable")]
    public async Task Bad_certificate_input_is_refused_with_a_problem_code(string text, string code)
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        using var client = _signing.AdminOf(sender);

        var response = await SigningHarness.RegisterAsync(client, text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_private_key_pasted_with_the_certificate_is_refused_and_not_echoed()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        using var client = _signing.AdminOf(sender);
        var identity = SigningHarness.NewSm2();

        var response = await SigningHarness.RegisterAsync(client, identity.CertificatePem + identity.Pkcs8Pem);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("certificate.contains-private-key", body, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.Pkcs8Pem.Split('\n')[1].Trim(), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signing_operations_are_in_the_OpenAPI_document()
    {
        using var client = host.CreateClient();

        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (var operation in new[] { "RegisterSigningCertificate", "RevokeSigningCertificate", "ListSigningCertificates", "DepositSigningKey", "WithdrawSigningKey", "ListSigningKeys" })
        {
            Assert.Contains($"\"{operation}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_certificate_in_force_for_one_enterprise_cannot_be_registered_again()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var (other, _) = await _signing.Gateway.NewSenderAsync();
        var identity = SigningHarness.NewSm2();
        await _signing.RegisterAsync(sender, identity);
        using var client = _signing.AdminOf(other);

        var response = await SigningHarness.RegisterAsync(client, identity.CertificatePem);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}

public sealed class CertificateApiTestsOnSqlite(SqliteHost host) : CertificateApiTests(host), IClassFixture<SqliteHost>;

public sealed class CertificateApiTestsOnPostgres(PostgresHost host) : CertificateApiTests(host), IClassFixture<PostgresHost>;
