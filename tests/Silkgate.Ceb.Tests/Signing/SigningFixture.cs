using System.Xml;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

/// <summary>One SM2 and one RSA PKI per test run: key generation is the slow part.</summary>
internal static class Pki
{
    public static readonly TestIdentity Sm2Ca = TestPki.CreateSm2Ca();
    public static readonly TestIdentity Sm2Signer = TestPki.IssueSm2(Sm2Ca);
    public static readonly TestIdentity RsaCa = TestPki.CreateRsaCa();
    public static readonly TestIdentity RsaSigner = TestPki.IssueRsa(RsaCa);

    public static CebSigner Signer(CebSignatureAlgorithm algorithm, CebSignerOptions? options = null) =>
        new((algorithm == CebSignatureAlgorithm.Sm2Sm3 ? Sm2Signer : RsaSigner).Credentials, options);

    public static XmlDocument Load(string xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        return document;
    }

    public static XmlDocument Load(byte[] xml)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using var stream = new MemoryStream(xml);
        document.Load(stream);
        return document;
    }

    public static XmlNamespaceManager Namespaces(XmlDocument document)
    {
        var manager = new XmlNamespaceManager(document.NameTable);
        manager.AddNamespace("ds", CebNamespaces.XmlDsig);
        manager.AddNamespace("ceb", CebNamespaces.Ceb);
        manager.AddNamespace("dxp", CebNamespaces.Dxp);
        return manager;
    }

    public static XmlElement Select(XmlDocument document, string xpath) =>
        (XmlElement?)document.SelectSingleNode(xpath, Namespaces(document)) ?? throw new InvalidOperationException(xpath);
}
