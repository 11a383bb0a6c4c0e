using System.Security.Cryptography;
using System.Xml;
using Org.BouncyCastle.Crypto.Digests;

namespace Silkgate.Ceb.Signing;

/// <summary>Canonicalization and digests as the CEB signature needs them (inclusive C14N 1.0, no comments).</summary>
internal static class XmlC14N
{
    /// <summary>
    /// Digest of the document as Reference URI="" with the enveloped-signature transform sees it: the whole
    /// document without comments and without <paramref name="signature"/> (null when not yet inserted).
    /// </summary>
    public static byte[] Digest(XmlDocument document, string digestUri, XmlElement? signature = null)
    {
        switch (digestUri)
        {
            case CebSignatureUris.Sm3:
                var sm3 = new SM3Digest();
                CanonicalWriter.WriteDocument(document, signature, sm3.BlockUpdate);
                var result = new byte[Sm3.HashSizeInBytes];
                sm3.DoFinal(result, 0);
                return result;
            case CebSignatureUris.Sha1:
                using (var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1))
                {
                    CanonicalWriter.WriteDocument(document, signature, sha1.AppendData);
                    return sha1.GetHashAndReset();
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(digestUri), digestUri, "Unsupported digest.");
        }
    }

    /// <summary>The canonical bytes of a whole document (for tests and diagnostics).</summary>
    public static byte[] Canonicalize(XmlDocument document, XmlElement? excluded = null) =>
        CanonicalWriter.ToBytes(sink => CanonicalWriter.WriteDocument(document, excluded, sink));

    /// <summary>Canonical SignedInfo as it stands in its document, with inherited namespaces on the apex.</summary>
    public static byte[] CanonicalizeInContext(XmlElement element) =>
        CanonicalWriter.ToBytes(sink => CanonicalWriter.WriteSubtree(element, sink));
}
