using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Silkgate.Ceb;
using Silkgate.Ceb.Tests.Signing;
using Silkgate.Clearance.Customs;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Data;
using Silkgate.Testing;
using static Silkgate.Clearance.Tests.Support.Messages;

namespace Silkgate.Clearance.Tests.Signing;

/// <summary>
/// Proves a deposited key never shows: every log line of the host (all levels, all categories) and every API response of
/// a deposit's whole life (deposit, failed deposit, listing, signing on behalf, a gateway message, the audit log) are
/// searched for the PKCS#12 file, its password and the private key in every encoding at hand.
/// </summary>
public abstract class DepositedKeySecrecyTests(PlatformHost host)
{
    private static readonly ConditionalWeakTable<PlatformHost, CapturingLoggerProvider> Logs = new();
    private readonly SigningHarness _signing = SigningHarness.For(host);
    private readonly CapturingLoggerProvider _logs = Logs.GetValue(host, h =>
    {
        var provider = new CapturingLoggerProvider();
        h.Settings["Logging:LogLevel:Default"] = "Trace";
        h.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        h.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        h.TestServices.Add(s => s.AddSingleton<ILoggerProvider>(provider));
        return provider;
    });

    [Fact]
    public async Task The_deposited_key_its_file_and_its_password_appear_in_no_log_line_and_no_API_response()
    {
        var (sender, apiKey) = await _signing.Gateway.NewSenderAsync();
        var sm2 = SigningHarness.NewSm2();
        var rsa = SigningHarness.NewRsa();
        const string password = "Secret-Deposit-Password-7f3a";
        var sm2File = sm2.ToPkcs12(password);
        var rsaFile = rsa.ToPkcs12(password);
        var responses = new List<string>();
        using var admin = _signing.AdminOf(sender);

        responses.Add(await TextAsync(await SigningHarness.DepositAsync(admin, sm2File, password)));
        responses.Add(await TextAsync(await SigningHarness.DepositAsync(admin, rsaFile, password)));
        responses.Add(await TextAsync(await SigningHarness.DepositAsync(admin, sm2File, password + "-wrong")));
        responses.Add(await TextAsync(await SigningHarness.DepositAsync(admin, sm2File, password)));
        responses.Add(await TextAsync(await admin.GetAsync(new Uri("/api/v1/ceb/signing-keys", UriKind.Relative))));
        var list = SigningHarness.NewImportList();
        list.BaseTransfer.CopCode = sender.CustomsCode;
        list.Signature = null;
        var signed = await host.Services.GetRequiredService<ICustomsSigner>().SignForCustomsAsync(sender.Id, Bytes(list), CancellationToken.None);
        Assert.True(signed.Signed, signed.Error);
        responses.Add(Encoding.UTF8.GetString(signed.Message!));
        using (var gateway = host.CreateClientWithKey(apiKey))
        {
            responses.Add(await TextAsync(await PostAsync(gateway, Bytes(list))));
        }

        await _signing.Gateway.WaitForAuditAsync("clearance.signing-key.use", a => a.Detail!.Contains(list.Guid, StringComparison.Ordinal));
        using (var province = host.CreateClientAs(GatewayHarness.ProvinceAdmin()))
        {
            responses.Add(await TextAsync(await province.GetAsync(new Uri("/api/v1/identity/audit?pageSize=200", UriKind.Relative))));
        }

        var secrets = Secrets(sm2, sm2File, password).Concat(Secrets(rsa, rsaFile, password)).ToList();
        var logs = _logs.Lines;
        Assert.True(logs.Count > 20, $"only {logs.Count} log lines captured: the capture is not wired");
        Assert.Contains(logs, l => l.Contains("/api/v1/ceb/signing-keys", StringComparison.Ordinal));
        foreach (var (name, value) in secrets)
        {
            Assert.False(logs.Any(l => l.Contains(value, StringComparison.OrdinalIgnoreCase)), $"{name} appears in a log line");
            Assert.False(responses.Any(r => r.Contains(value, StringComparison.OrdinalIgnoreCase)), $"{name} appears in an API response");
        }

        await AssertSealedAtRestAsync(sm2, rsa);
    }

    /// <summary>The stored column holds ciphertext: none of the key's DER (nor a long slice of it) is in it.</summary>
    private async Task AssertSealedAtRestAsync(params TestIdentity[] identities)
    {
        var stored = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbSession>();
            var c = await db.ConnectionAsync(CancellationToken.None);
            return (await c.QueryAsync<byte[]>("SELECT sealed_key FROM clearance_signing_keys")).ToList();
        });
        Assert.NotEmpty(stored);
        foreach (var identity in identities)
        {
            var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(identity.PrivateKey).GetEncoded();
            var probe = der.AsSpan(der.Length - 32).ToArray();
            Assert.All(stored, s => Assert.Equal(-1, s.AsSpan().IndexOf(probe)));
        }
    }

    private static IEnumerable<(string Name, string Value)> Secrets(TestIdentity identity, byte[] file, string password)
    {
        var der = PrivateKeyInfoFactory.CreatePrivateKeyInfo(identity.PrivateKey).GetEncoded();
        var fileBase64 = Convert.ToBase64String(file);
        var derBase64 = Convert.ToBase64String(der);
        var scalar = identity.PrivateKey switch
        {
            ECPrivateKeyParameters ec => ec.D,
            RsaPrivateCrtKeyParameters r => r.Exponent,
            _ => throw new InvalidOperationException("unexpected key type"),
        };
        yield return ("the password", password);
        yield return ("the PKCS#12 file (Base64)", fileBase64);
        yield return ("a slice of the PKCS#12 file (Base64)", fileBase64.Substring(fileBase64.Length / 2, 40));
        yield return ("the PKCS#12 file (hex)", Convert.ToHexString(file).Substring(file.Length / 2, 64));
        yield return ("the PKCS#8 key (Base64)", derBase64);
        yield return ("a slice of the PKCS#8 key (Base64)", derBase64.Substring(derBase64.Length / 2, 40));
        yield return ("the PKCS#8 key (hex)", Convert.ToHexString(der).Substring(der.Length / 2, 64));
        yield return ("the PKCS#8 PEM body line", identity.Pkcs8Pem.Split('\n')[1].Trim());
        yield return ("the traditional PEM body line", identity.TraditionalKeyPem.Split('\n')[1].Trim());
        yield return ("the private scalar (hex)", Convert.ToHexString(scalar.ToByteArrayUnsigned()));
        yield return ("the private scalar (decimal)", scalar.ToString());
        yield return ("the private scalar (Base64)", Convert.ToBase64String(scalar.ToByteArrayUnsigned()));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return await response.Content.ReadAsStringAsync();
        }
    }
}

public sealed class DepositedKeySecrecyTestsOnSqlite(SqliteHost host) : DepositedKeySecrecyTests(host), IClassFixture<SqliteHost>;

public sealed class DepositedKeySecrecyTestsOnPostgres(PostgresHost host) : DepositedKeySecrecyTests(host), IClassFixture<PostgresHost>;
