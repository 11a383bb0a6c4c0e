namespace Silkgate.Ceb;

/// <summary>XML namespaces of the customs CEB 202205 standard.</summary>
public static class CebNamespaces
{
    public const string Ceb = "http://www.chinaport.gov.cn/ceb";
    public const string Dxp = "http://www.chinaport.gov.cn/dxp";
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";
}
