using System.CommandLine;
using System.Text;
using Silkgate.Ceb.Signing;

namespace Silkgate.Cli.Ceb;

/// <summary>
/// <c>silkgate ceb sign</c> and <c>silkgate ceb verify</c>: XML signatures of CEB messages and DXP envelopes.
/// The <c>ceb</c> parent command adds <see cref="BuildSign"/> and <see cref="BuildVerify"/>.
/// </summary>
internal static class CebSignCommands
{
    internal static Command BuildSign()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The message to sign (UTF-8 XML)." };
        var p12 = new Option<FileInfo?>("--p12") { Description = "PKCS#12 (.p12/.pfx) holding the key and certificate." };
        var password = new Option<string?>("--password") { Description = "Password of the PKCS#12 file or of an encrypted PEM key." };
        var cert = new Option<FileInfo?>("--cert") { Description = "PEM certificate (with --key)." };
        var key = new Option<FileInfo?>("--key") { Description = "PEM private key: PKCS#8, encrypted PKCS#8, SEC1 EC or PKCS#1 RSA." };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the signed message; standard output when left out." };
        var algorithm = new Option<string?>("--algorithm") { Description = "Expected algorithm, sm2 or rsa; the key decides, this only checks." };
        algorithm.AcceptOnlyFromAmong("sm2", "rsa");

        var command = new Command("sign", "Sign a CEB message or DXP envelope (enveloped XML-DSig, SM2-SM3 or RSA-SHA1).")
        {
            file, p12, password, cert, key, output, algorithm,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                CebSigningCredentials credentials;
                if (parse.GetValue(p12) is { } p12File)
                {
                    credentials = CebSigningCredentials.LoadPkcs12(p12File.FullName, parse.GetValue(password));
                }
                else if (parse.GetValue(cert) is { } certFile && parse.GetValue(key) is { } keyFile)
                {
                    credentials = CebSigningCredentials.LoadPem(certFile.FullName, keyFile.FullName, parse.GetValue(password));
                }
                else
                {
                    error.WriteLine("Give --p12 (with --password) or --cert and --key.");
                    return 2;
                }

                var expected = parse.GetValue(algorithm) switch
                {
                    "sm2" => CebSignatureAlgorithm.Sm2Sm3,
                    "rsa" => CebSignatureAlgorithm.RsaSha1,
                    _ => credentials.Algorithm,
                };
                if (expected != credentials.Algorithm)
                {
                    error.WriteLine($"The key signs with {Name(credentials.Algorithm)}, not {Name(expected)}.");
                    return 2;
                }

                using var signer = new CebSigner(credentials);
                var signed = signer.Sign(File.ReadAllBytes(parse.GetValue(file)!.FullName));
                if (parse.GetValue(output) is { } outFile)
                {
                    File.WriteAllBytes(outFile.FullName, signed);
                }
                else
                {
                    parse.InvocationConfiguration.Output.Write(Encoding.UTF8.GetString(signed));
                }

                return 0;
            }
            catch (Exception e) when (e is CebSigningException or IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                error.WriteLine($"Cannot sign: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    internal static Command BuildVerify()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Signed messages to verify.", Arity = ArgumentArity.OneOrMore };
        var trust = new Option<FileInfo?>("--trust") { Description = "PEM file of trusted certificates: registered signer certificates or their issuing CAs." };
        var checkValidity = new Option<bool>("--check-validity") { Description = "Also fail certificates outside their validity period now (code 1002)." };
        var command = new Command("verify", "Verify the signatures of CEB messages; exit code 1 when any is invalid.")
        {
            files, trust, checkValidity,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            SignatureTrust policy;
            try
            {
                policy = parse.GetValue(trust) is { } trustFile
                    ? SignatureTrust.FromCertificates(CebCertificate.LoadFile(trustFile.FullName))
                    : SignatureTrust.AnyCertificate;
            }
            catch (Exception e) when (e is CebSigningException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"Cannot read the trusted certificates: {e.Message}");
                return 2;
            }

            if (parse.GetValue(checkValidity))
            {
                policy = policy.WithValidityCheck(TimeProvider.System.GetUtcNow());
            }

            var allValid = true;
            foreach (var file in parse.GetValue(files)!)
            {
                var line = VerifyOne(file, policy);
                allValid &= line.StartsWith("VALID", StringComparison.Ordinal);
                output.WriteLine(line);
            }

            return allValid ? 0 : 1;
        });
        return command;
    }

    private static string VerifyOne(FileInfo file, SignatureTrust policy)
    {
        byte[] xml;
        try
        {
            xml = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"INVALID {file.Name}: cannot be read ({e.Message})";
        }

        var result = CebSignatureVerifier.Default.Verify(xml, policy);
        return result.IsValid
            ? $"VALID {file.Name} ({result.Certificate!.Subject}, {Name(result.Algorithm!.Value)})"
            : $"INVALID {file.Name}: {result.Reason} [{result.TransportCode}/{result.ListCode}]";
    }

    private static string Name(CebSignatureAlgorithm algorithm) => algorithm == CebSignatureAlgorithm.Sm2Sm3 ? "SM2-SM3" : "RSA-SHA1";
}
