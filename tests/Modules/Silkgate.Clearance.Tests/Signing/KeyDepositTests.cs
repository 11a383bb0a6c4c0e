using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb;
using Silkgate.Ceb.Signing;
using Silkgate.Clearance.Customs;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Signing;

public abstract class KeyDepositTests(PlatformHost host)
{
    private readonly SigningHarness _signing = SigningHarness.For(host);

    [Fact]
    public async Task A_deposit_answers_with_metadata_only()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var identity = SigningHarness.NewSm2();

        var deposit = await _signing.DepositAsync(sender, identity);

        var names = deposit.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(identity.CebCertificate.SerialNumberHex, deposit.GetProperty("certificateNo").GetString());
        Assert.Equal(identity.CebCertificate.Subject, deposit.GetProperty("subject").GetString());
        Assert.Equal("SM2", deposit.GetProperty("algorithm").GetString());
        Assert.Equal("Active", deposit.GetProperty("status").GetString());
        Assert.Equal("企业管理员", deposit.GetProperty("depositedByName").GetString());
        string[] metadata = ["id", "enterpriseId", "certificateNo", "subject", "algorithm", "notBefore", "notAfter", "thumbprint", "status",
            "depositedBy", "depositedByName", "depositedAt", "withdrawnByName", "withdrawnAt"];
        Assert.Equal(metadata.Order(), names.Order());
        await _signing.Gateway.WaitForAuditAsync("clearance.signing-key.deposit", a => a.Subject == $"signing-key:{deposit.GetProperty("id").GetInt64()}" && a.Outcome == AuditOutcome.Succeeded);
    }

    [Theory]
    [InlineData("sm2")]
    [InlineData("rsa")]
    public async Task The_platform_signs_an_unsigned_list_with_the_deposited_key_and_the_library_verifies_it(string algorithm)
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var identity = algorithm == "sm2" ? SigningHarness.NewSm2() : SigningHarness.NewRsa();
        var keyId = (await _signing.DepositAsync(sender, identity)).GetProperty("id").GetInt64();
        var list = SigningHarness.NewImportList();
        list.Signature = null;

        var result = await Signer().SignForCustomsAsync(sender.Id, Bytes(list), CancellationToken.None);

        Assert.True(result.Signed, result.Error);
        var verified = CebSignatureVerifier.Default.Verify(result.Message, SignatureTrust.FromCertificates([identity.CebCertificate]).WithValidityCheck(DateTimeOffset.UtcNow));
        Assert.True(verified.IsValid, verified.ToString());
        Assert.Equal(algorithm == "sm2" ? CebSignatureUris.Sm2Sm3 : CebSignatureUris.RsaSha1, verified.SignatureMethod);
        Assert.Equal(identity.CebCertificate.SerialNumberHex, verified.KeyName);
        await _signing.Gateway.WaitForAuditAsync("clearance.signing-key.use",
            a => a.Subject == $"signing-key:{keyId}" && a.Outcome == AuditOutcome.Succeeded && a.Detail!.Contains(list.Guid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_validly_signed_with_a_registered_certificate_goes_out_unchanged()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var identity = SigningHarness.NewSm2();
        await _signing.RegisterAsync(sender, identity);
        var signed = SigningHarness.Signed(SigningHarness.NewImportList(), identity);

        var result = await Signer().SignForCustomsAsync(sender.Id, signed, CancellationToken.None);

        Assert.Equal(signed, result.Message);
    }

    [Fact]
    public async Task A_message_with_a_foreign_signature_is_re_signed_with_the_deposited_key()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var deposited = SigningHarness.NewSm2();
        await _signing.DepositAsync(sender, deposited);
        var foreign = SigningHarness.Signed(SigningHarness.NewImportList(), SigningHarness.NewSm2());

        var result = await Signer().SignForCustomsAsync(sender.Id, foreign, CancellationToken.None);

        Assert.True(CebSignatureVerifier.Default.Verify(result.Message, SignatureTrust.FromCertificates([deposited.CebCertificate])).IsValid);
    }

    [Fact]
    public async Task Without_a_valid_signature_or_a_deposit_the_signer_refuses_with_the_customs_code()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        await _signing.RegisterAsync(sender, SigningHarness.NewSm2());
        var unsigned = SigningHarness.NewImportList();
        unsigned.Signature = null;
        var foreign = SigningHarness.Signed(SigningHarness.NewImportList(), SigningHarness.NewSm2());

        var missing = await Signer().SignForCustomsAsync(sender.Id, Bytes(unsigned), CancellationToken.None);
        var untrusted = await Signer().SignForCustomsAsync(sender.Id, foreign, CancellationToken.None);

        Assert.False(missing.Signed);
        Assert.Equal("-621026", missing.ErrorCode);
        Assert.Equal("-621029", untrusted.ErrorCode);
    }

    [Fact]
    public async Task A_withdrawn_key_no_longer_signs()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        var id = (await _signing.DepositAsync(sender, SigningHarness.NewSm2())).GetProperty("id").GetInt64();
        using var client = _signing.AdminOf(sender);
        var withdrawn = await SigningHarness.ReadAsync(await client.PostAsync(new Uri($"/api/v1/ceb/signing-keys/{id}/withdraw", UriKind.Relative), null));
        var list = SigningHarness.NewImportList();
        list.Signature = null;

        var result = await Signer().SignForCustomsAsync(sender.Id, Bytes(list), CancellationToken.None);

        Assert.Equal("Revoked", withdrawn.GetProperty("status").GetString());
        Assert.False(result.Signed);
    }

    [Fact]
    public async Task A_wrong_password_or_a_damaged_file_is_refused_without_echoing_anything()
    {
        var (sender, _) = await _signing.Gateway.NewSenderAsync();
        using var client = _signing.AdminOf(sender);
        var p12 = SigningHarness.NewSm2().ToPkcs12(SigningHarness.Password);

        var wrong = await SigningHarness.DepositAsync(client, p12, "not-the-password");
        var damaged = await SigningHarness.DepositAsync(client, p12[..(p12.Length / 2)], SigningHarness.Password);
        var body = await wrong.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.StatusCode);
        Assert.Equal("signing-key.unreadable", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("not-the-password", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_enterprise_cannot_see_deposit_or_withdraw_and_a_plain_user_may_not_deposit()
    {
        var (owner, _) = await _signing.Gateway.NewSenderAsync();
        var (other, _) = await _signing.Gateway.NewSenderAsync();
        var id = (await _signing.DepositAsync(owner, SigningHarness.NewSm2())).GetProperty("id").GetInt64();
        using var stranger = _signing.AdminOf(other);
        using var user = host.CreateClientAs(new Actor(GatewayHarness.NewUserId(), "企业用户", Role.EnterpriseUser, GatewayHarness.Province, GatewayHarness.Zone, EnterpriseId: owner.Id));

        var list = await stranger.GetAsync(new Uri($"/api/v1/ceb/signing-keys?enterpriseId={owner.Id}", UriKind.Relative));
        var withdraw = await stranger.PostAsync(new Uri($"/api/v1/ceb/signing-keys/{id}/withdraw", UriKind.Relative), null);
        var deposit = await SigningHarness.DepositAsync(stranger, SigningHarness.NewSm2().ToPkcs12("x"), "x", owner.Id);
        var byUser = await SigningHarness.DepositAsync(user, SigningHarness.NewSm2().ToPkcs12("x"), "x");

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deposit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        await _signing.Gateway.WaitForAuditAsync("clearance.signing-key.withdraw", a => a.Subject == $"signing-key:{id}" && a.Outcome == AuditOutcome.Denied);
    }

    private ICustomsSigner Signer() => host.Services.GetRequiredService<ICustomsSigner>();
}

public sealed class KeyDepositTestsOnSqlite(SqliteHost host) : KeyDepositTests(host), IClassFixture<SqliteHost>;

public sealed class KeyDepositTestsOnPostgres(PostgresHost host) : KeyDepositTests(host), IClassFixture<PostgresHost>;
