using System.Text;
using Silkgate.Ceb.Signing;
using Silkgate.Kernel.Errors;

namespace Silkgate.Clearance.Customs.Certificates;

/// <summary>Reads a certificate as entered: PEM text, or Base64 of the DER encoding. Exactly one certificate, SM2 or RSA, no private key.</summary>
internal static class CertificateInput
{
    public const string Field = "certificate";
    private const int MaxLength = 64 * 1024;

    public static Result<CebCertificate> Parse(string? text, long now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problem.Invalid(Field, "certificate.required", "Give the certificate as PEM text or Base64 of its DER encoding.");
        }

        if (text.Length > MaxLength)
        {
            return Problem.Invalid(Field, "certificate.too-large", $"At most {MaxLength} characters.");
        }

        if (text.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            // Never keep or echo a key pasted by mistake; keys are deposited as PKCS#12 only.
            return Problem.Invalid(Field, "certificate.contains-private-key", "The text holds a private key. Register the certificate only; never send the private key here.");
        }

        IReadOnlyList<CebCertificate> found;
        try
        {
            found = CebCertificate.ReadAll(text.Contains("-----BEGIN", StringComparison.Ordinal) ? Encoding.ASCII.GetBytes(text) : Convert.FromBase64String(text.Trim()));
        }
        catch (Exception e) when (e is FormatException or CebSigningException or IOException or ArgumentException or InvalidOperationException
            or Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Asn1.Asn1Exception)
        {
            return Problem.Invalid(Field, "certificate.unreadable", "This is not an X.509 certificate in PEM or DER (Base64) form.");
        }

        if (found.Count != 1)
        {
            return Problem.Invalid(Field, "certificate.several", $"Give exactly one certificate, not {found.Count}.");
        }

        var certificate = found[0];
        if (certificate.KeyAlgorithm is null)
        {
            return Problem.Invalid(Field, "certificate.algorithm", "The certificate's key is neither SM2 nor RSA; customs signatures are SM2-SM3 or RSA-SHA1.");
        }

        if (certificate.NotAfter.ToUnixTimeMilliseconds() < now)
        {
            return Problem.Invalid(Field, "certificate.expired", $"The certificate expired on {certificate.NotAfter:u}.");
        }

        return certificate;
    }
}
