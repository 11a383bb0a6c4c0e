using System.Text;
using System.Xml.Linq;
using Silkgate.Ceb;
using Silkgate.Ceb.Tests.Signing;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;
using Im = Silkgate.Ceb.Import;

namespace Silkgate.Clearance.Tests.Signing;

public abstract class GatewaySignatureTests(PlatformHost host)
{
    private readonly SigningHarness _signing = SigningHarness.For(host);

    [Fact]
    public async Task A_list_signed_with_a_registered_SM2_certificate_is_accepted()
    {
        var (sender, key, identity) = await EnrolledSenderAsync();
        var (list, _) = ImportList(sender);

        var (type, statuses) = await SendAsync(key, SigningHarness.Signed(list, identity));

        Assert.Equal("CEB622Message", type);
        AssertAccepted(statuses);
    }

    [Fact]
    public async Task An_order_signed_with_a_registered_RSA_certificate_is_accepted()
    {
        var (sender, key) = await _signing.Gateway.NewSenderAsync();
        var rsa = SigningHarness.NewRsa();
        await _signing.RegisterAsync(sender, rsa);

        var (type, statuses) = await SendAsync(key, SigningHarness.Signed(Order(sender.CustomsCode), rsa));

        Assert.Equal("CEB312Message", type);
        Assert.Equal("1", statuses.Single().Status);
    }

    [Fact]
    public async Task A_list_changed_after_signing_is_refused_with_621028()
    {
        var (sender, key, identity) = await EnrolledSenderAsync();
        var (list, orderNo) = ImportList(sender);
        var tampered = Replace(SigningHarness.Signed(list, identity), orderNo, "X" + orderNo[1..]);

        var (type, statuses) = await SendAsync(key, tampered);

        Assert.Equal("CEB622Message", type);
        Assert.Equal("-621028", statuses.Single().Status);
        Assert.Contains("签名与数据不符", statuses.Single().Info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_changed_after_signing_is_refused_as_a_whole_with_transport_code_1004()
    {
        var (sender, key, identity) = await EnrolledSenderAsync();
        var order = Order(sender.CustomsCode);
        var orderNo = order.Order[0].OrderHead.OrderNo!;
        var tampered = Replace(SigningHarness.Signed(order, identity), orderNo, "X" + orderNo[1..]);

        var (type, statuses) = await SendAsync(key, tampered);

        Assert.Equal("CEB900Message", type);
        Assert.Equal("-1004", statuses.Single().Status);
    }

    [Fact]
    public async Task A_list_signed_with_a_certificate_the_enterprise_did_not_register_is_refused_with_621029()
    {
        var (sender, key, _) = await EnrolledSenderAsync();
        var (list, _) = ImportList(sender);

        var (_, statuses) = await SendAsync(key, SigningHarness.Signed(list, SigningHarness.NewSm2()));

        Assert.Equal("-621029", statuses.Single().Status);
        Assert.Contains("not a registered certificate", statuses.Single().Info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_signed_with_another_enterprises_registered_certificate_is_refused()
    {
        var (sender, key, _) = await EnrolledSenderAsync();
        var (_, _, othersIdentity) = await EnrolledSenderAsync();
        var (list, _) = ImportList(sender);

        var (_, statuses) = await SendAsync(key, SigningHarness.Signed(list, othersIdentity));

        Assert.Equal("-621029", statuses.Single().Status);
    }

    [Fact]
    public async Task A_list_signed_with_a_revoked_certificate_is_refused_once_it_is_revoked()
    {
        var (sender, key) = await _signing.Gateway.NewSenderAsync();
        var identity = SigningHarness.NewSm2();
        var id = (await _signing.RegisterAsync(sender, identity)).GetProperty("id").GetInt64();
        var (before, _) = await SendAsync(key, SigningHarness.Signed(ImportList(sender).List, identity));
        await _signing.RevokeAsync(sender, id);

        var (_, statuses) = await SendAsync(key, SigningHarness.Signed(ImportList(sender).List, identity));

        Assert.Equal("CEB622Message", before);
        Assert.Equal("-621029", statuses.Single().Status);
        Assert.Contains("revoked", statuses.Single().Info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_signed_with_a_certificate_outside_its_validity_is_refused_with_1002()
    {
        var (sender, key) = await _signing.Gateway.NewSenderAsync();
        var notYetValid = SigningHarness.NewSm2(notBefore: DateTime.UtcNow.AddDays(10), notAfter: DateTime.UtcNow.AddYears(1));
        await _signing.RegisterAsync(sender, notYetValid);

        var (type, statuses) = await SendAsync(key, SigningHarness.Signed(Order(sender.CustomsCode), notYetValid));

        Assert.Equal("CEB900Message", type);
        Assert.Equal("-1002", statuses.Single().Status);
    }

    [Fact]
    public async Task An_unsigned_list_is_refused_with_621026_when_no_key_is_deposited()
    {
        var (sender, key, _) = await EnrolledSenderAsync();
        var (list, _) = ImportList(sender);
        list.Signature = null;

        var (type, statuses) = await SendAsync(key, Bytes(list));

        Assert.Equal("CEB622Message", type);
        Assert.Equal("-621026", statuses.Single().Status);
    }

    [Fact]
    public async Task An_unsigned_list_is_accepted_when_the_enterprise_deposited_a_key()
    {
        var (sender, key) = await _signing.Gateway.NewSenderAsync();
        await _signing.DepositAsync(sender, SigningHarness.NewSm2());
        var (list, _) = ImportList(sender);
        list.Signature = null;

        var (type, statuses) = await SendAsync(key, Bytes(list));

        Assert.Equal("CEB622Message", type);
        AssertAccepted(statuses);
    }

    [Fact]
    public async Task A_signed_list_inside_a_DXP_envelope_is_verified_like_a_bare_one()
    {
        var (sender, key, identity) = await EnrolledSenderAsync();
        var signed = SigningHarness.Signed(ImportList(sender).List, identity);
        var (other, orderNo) = ImportList(sender);
        var tampered = Replace(SigningHarness.Signed(other, identity), orderNo, "X" + orderNo[1..]);

        var (_, good) = await SendAsync(key, EnvelopeOf(signed));
        var (_, bad) = await SendAsync(key, EnvelopeOf(tampered));

        AssertAccepted(good);
        Assert.Equal("-621028", bad.Single().Status);
    }

    [Fact]
    public async Task Messages_of_an_enterprise_without_certificates_or_keys_pass_the_gateway_as_before()
    {
        var (sender, key) = await _signing.Gateway.NewSenderAsync();
        var (list, _) = ImportList(sender);

        var (type, statuses) = await SendAsync(key, Bytes(list));

        Assert.True(type == "CEB622Message", string.Join("; ", statuses));
        AssertAccepted(statuses);
    }

    private static void AssertAccepted(IReadOnlyList<(string Status, string Info)> statuses) =>
        Assert.True(!statuses.Single().Status.StartsWith('-'), $"{statuses.Single().Status} {statuses.Single().Info}");

    private async Task<(Sender Sender, string Key, TestIdentity Identity)> EnrolledSenderAsync()
    {
        var (sender, key) = await _signing.Gateway.NewSenderAsync();
        var identity = SigningHarness.NewSm2();
        await _signing.RegisterAsync(sender, identity);
        return (sender, key, identity);
    }

    private static (Im.Ceb621Message List, string OrderNo) ImportList(Sender sender)
    {
        var list = SigningHarness.NewImportList(sender.CustomsCode);
        return (list, list.Inventory[0].InventoryHead.OrderNo!);
    }

    private async Task<(string Type, IReadOnlyList<(string Status, string Info)> Statuses)> SendAsync(string key, byte[] bytes)
    {
        using var client = host.CreateClientWithKey(key);
        using var response = await PostAsync(client, bytes);
        var receipt = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return (receipt.Root!.Name.LocalName, Statuses(receipt));
    }

    private static byte[] Replace(byte[] signed, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace(from, to, StringComparison.Ordinal));

    private static byte[] EnvelopeOf(byte[] business)
    {
        var read = Ceb.Reading.CebReader.Read(business);
        var envelope = Ceb.Dxp.DxpWriter.Wrap(read.Message!, "DXPENT0000000001", ["DXPEDCCEB0000002"]);
        envelope.Data = business;
        return Ceb.Dxp.DxpWriter.ToBytes(envelope);
    }
}

public sealed class GatewaySignatureTestsOnSqlite(SqliteHost host) : GatewaySignatureTests(host), IClassFixture<SqliteHost>;

public sealed class GatewaySignatureTestsOnPostgres(PostgresHost host) : GatewaySignatureTests(host), IClassFixture<PostgresHost>;
