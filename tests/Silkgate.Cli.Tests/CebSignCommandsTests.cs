using System.CommandLine;
using Silkgate.Ceb.Tests.Signing;
using Silkgate.Cli.Ceb;

namespace Silkgate.Cli.Tests;

public sealed class CebSignCommandsTests : IDisposable
{
    private static readonly TestIdentity Sm2Ca = TestPki.CreateSm2Ca();
    private static readonly TestIdentity Sm2Signer = TestPki.IssueSm2(Sm2Ca);
    private static readonly TestIdentity RsaSigner = TestPki.IssueRsa(TestPki.CreateRsaCa());

    private readonly string _directory = Directory.CreateTempSubdirectory("silkgate-cli-sign-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Sign_with_pkcs12_then_verify_prints_VALID_and_exits_0()
    {
        var pki = TestPki.WriteFiles(Sm2Signer, "pw");
        var message = Write("order.xml", SampleMessages.Inventory621());
        var signed = Path.Combine(_directory, "order.signed.xml");

        var (signExit, _, signError) = await Run("sign", message, "--p12", Path.Combine(pki, "id.p12"), "--password", "pw", "--out", signed);
        Assert.Equal(0, signExit);
        Assert.Equal(string.Empty, signError);

        var (exit, output, _) = await Run("verify", signed, "--trust", Write("ca.pem", Sm2Ca.CertificatePem));
        Assert.Equal(0, exit);
        Assert.Equal($"VALID order.signed.xml ({Sm2Signer.CebCertificate.Subject}, SM2-SM3)", output.Trim());
    }

    [Fact]
    public async Task Sign_with_pem_files_writes_to_standard_output_by_default()
    {
        var pki = TestPki.WriteFiles(RsaSigner, "pw");
        var message = Write("order.xml", SampleMessages.Order303);

        var (exit, output, _) = await Run("sign", message, "--cert", Path.Combine(pki, "cert.pem"), "--key", Path.Combine(pki, "key.sec1.pem"), "--algorithm", "rsa");

        Assert.Equal(0, exit);
        Assert.Contains("http://www.w3.org/2000/09/xmldsig#rsa-sha1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_each_file_and_exits_1_when_one_is_tampered()
    {
        var pki = TestPki.WriteFiles(Sm2Signer, "pw");
        var good = Path.Combine(_directory, "good.xml");
        await Run("sign", Write("in.xml", SampleMessages.Inventory621()), "--cert", Path.Combine(pki, "cert.pem"), "--key", Path.Combine(pki, "key.pk8.pem"), "--out", good);
        var bad = Write("bad.xml", File.ReadAllText(good).Replace("SG2024050100001", "SG2024050199999", StringComparison.Ordinal));

        var (exit, output, _) = await Run("verify", good, bad);

        Assert.Equal(1, exit);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith("VALID good.xml", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("INVALID bad.xml: ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("[1004/-621028]", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_with_an_unrelated_trust_file_says_untrusted()
    {
        var pki = TestPki.WriteFiles(Sm2Signer, "pw");
        var signed = Path.Combine(_directory, "signed.xml");
        await Run("sign", Write("in.xml", SampleMessages.DxpEnvelope), "--p12", Path.Combine(pki, "id.p12"), "--password", "pw", "--out", signed);

        var (exit, output, _) = await Run("verify", signed, "--trust", Write("other.pem", TestPki.CreateSm2Ca("Other").CertificatePem));

        Assert.Equal(1, exit);
        Assert.Contains("not trusted [1001/-621029]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_refuses_an_algorithm_the_key_cannot_do_and_missing_key_options()
    {
        var pki = TestPki.WriteFiles(Sm2Signer, "pw");
        var message = Write("in.xml", SampleMessages.Inventory621());

        var (exit, _, error) = await Run("sign", message, "--p12", Path.Combine(pki, "id.p12"), "--password", "pw", "--algorithm", "rsa");
        Assert.Equal(2, exit);
        Assert.Contains("SM2-SM3", error, StringComparison.Ordinal);

        (exit, _, _) = await Run("sign", message);
        Assert.Equal(2, exit);

        (exit, _, error) = await Run("sign", message, "--p12", Path.Combine(pki, "id.p12"), "--password", "wrong");
        Assert.Equal(1, exit);
        Assert.Contains("Cannot sign", error, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        // The integrator mounts these under "ceb"; the test mounts them the same way.
        var ceb = new Command("ceb", "CEB messages") { CebSignCommands.BuildSign(), CebSignCommands.BuildVerify() };
        var root = new RootCommand("silkgate") { ceb };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(["ceb", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
