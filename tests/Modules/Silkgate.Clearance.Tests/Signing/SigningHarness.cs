using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Silkgate.Ceb;
using Silkgate.Ceb.Signing;
using Silkgate.Ceb.Tests.Signing;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Signing;

/// <summary>
/// Certificates and keys through the real API, on a host with a master key (unless asked otherwise). Certificates come
/// from the Ceb tests' PKI (SM2 and RSA, issued by test CAs).
/// </summary>
internal sealed class SigningHarness
{
    public const string Password = "p12-Pässword#2026";
    private static readonly ConditionalWeakTable<PlatformHost, SigningHarness> Hosts = new();
    private static readonly Lazy<TestIdentity> Sm2Ca = new(() => TestPki.CreateSm2Ca());
    private static readonly Lazy<TestIdentity> RsaCa = new(() => TestPki.CreateRsaCa());

    private readonly PlatformHost _host;

    private SigningHarness(PlatformHost host, string? masterKey)
    {
        _host = host;
        MasterKey = masterKey;
        Gateway = GatewayHarness.For(host);
        if (masterKey is not null)
        {
            host.Settings["Clearance:Signing:MasterKey"] = masterKey;
        }
    }

    public GatewayHarness Gateway { get; }

    public string? MasterKey { get; }

    /// <summary>The harness of a host, set up on first use (before its server starts), with a random master key.</summary>
    public static SigningHarness For(PlatformHost host) => Hosts.GetValue(host, h => new SigningHarness(h, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    /// <summary>As <see cref="For"/>, without a master key (production mode without <c>Clearance:Signing:MasterKey</c>).</summary>
    public static SigningHarness WithoutMasterKey(PlatformHost host) => Hosts.GetValue(host, h => new SigningHarness(h, null));

    public static TestIdentity NewSm2(DateTime? notBefore = null, DateTime? notAfter = null) =>
        TestPki.IssueSm2(Sm2Ca.Value, "Test Enterprise SM2 " + Guid.NewGuid().ToString("N")[..6], notBefore, notAfter);

    public static TestIdentity NewRsa() => TestPki.IssueRsa(RsaCa.Value, "Test Enterprise RSA " + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>A gateway-valid import list (CEB621, the library's sample) with fresh guids and a unique order number.</summary>
    public static Ceb.Import.Ceb621Message NewImportList(string? copCode = null)
    {
        var list = (Ceb.Import.Ceb621Message)Ceb.Samples.CebSamples.Create(CebMessageType.Ceb621, lines: 2);
        list.Guid = CebMessage.NewGuid();
        var head = list.Inventory[0].InventoryHead;
        var orderNo = "SG" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        (head.Guid, head.OrderNo, head.CopNo) = (CebMessage.NewGuid(), orderNo, "C" + orderNo);
        if (copCode is not null)
        {
            list.BaseTransfer.CopCode = copCode;
        }

        return list;
    }

    public HttpClient AdminOf(Sender sender) => _host.CreateClientAs(GatewayHarness.EnterpriseAdmin(sender.Id));

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string certificate, long? enterpriseId = null) =>
        client.PostAsJsonAsync("/api/v1/ceb/certificates", new { enterpriseId, certificate }, GatewayHarness.Json);

    /// <summary>Registers the identity's certificate as the sender's admin and returns the stored certificate.</summary>
    public async Task<JsonElement> RegisterAsync(Sender sender, TestIdentity identity)
    {
        using var client = AdminOf(sender);
        return await ReadAsync(await RegisterAsync(client, identity.CertificatePem), HttpStatusCode.Created);
    }

    public async Task RevokeAsync(Sender sender, long certificateId)
    {
        using var client = AdminOf(sender);
        await ReadAsync(await client.PostAsJsonAsync($"/api/v1/ceb/certificates/{certificateId}/revoke", new { reason = "key lost" }, GatewayHarness.Json));
    }

    public static Task<HttpResponseMessage> DepositAsync(HttpClient client, byte[] pkcs12, string password, long? enterpriseId = null) =>
        client.PostAsJsonAsync("/api/v1/ceb/signing-keys", new { enterpriseId, pkcs12 = Convert.ToBase64String(pkcs12), password }, GatewayHarness.Json);

    public async Task<JsonElement> DepositAsync(Sender sender, TestIdentity identity)
    {
        using var client = AdminOf(sender);
        return await ReadAsync(await DepositAsync(client, identity.ToPkcs12(Password), Password), HttpStatusCode.Created);
    }

    /// <summary>The message signed with the identity's key, as the enterprise's own system would.</summary>
    public static byte[] Signed(CebMessage message, TestIdentity identity)
    {
        using var signer = new CebSigner(identity.Credentials);
        return signer.Sign(Messages.Bytes(message));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
