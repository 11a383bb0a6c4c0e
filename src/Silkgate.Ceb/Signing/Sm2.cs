using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Utilities;
using RandomNumberGenerator = System.Security.Cryptography.RandomNumberGenerator;

namespace Silkgate.Ceb.Signing;

/// <summary>
/// SM2 signatures with SM3 (GB/T 32918.2). Written on BouncyCastle's curve arithmetic instead of its SM2Signer
/// because SM2Signer recomputes the public point (a full scalar multiplication) and the Z value on every Init;
/// here both are computed once per key. Tests cross-check against SM2Signer in both directions.
/// </summary>
internal static class Sm2
{
    /// <summary>Default signer identity of GM/T 0009 used when nothing else is agreed.</summary>
    public const string DefaultUserId = "1234567812345678";

    private const int Size = 32;

    // CustomNamedCurves has BouncyCastle's fixed-width SM2 field arithmetic; GMNamedCurves is the generic
    // BigInteger curve and about ten times slower.
    public static readonly ECDomainParameters Domain = new(CustomNamedCurves.GetByOid(GMObjectIdentifiers.sm2p256v1));

    private static readonly FixedPointCombMultiplier BaseMultiplier = new();

    public static bool IsSm2Curve(ECDomainParameters parameters) =>
        parameters.Curve.Equals(Domain.Curve) && parameters.G.Equals(Domain.G) && parameters.N.Equals(Domain.N);

    public static ECPoint PublicPoint(BigInteger d) => BaseMultiplier.Multiply(Domain.G, d).Normalize();

    /// <summary>An SM3 digest that has already absorbed Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA).</summary>
    public static SM3Digest ZPrefixedDigest(ECPoint publicPoint, ReadOnlySpan<byte> userId)
    {
        var digest = new SM3Digest();
        var bits = userId.Length * 8;
        digest.Update((byte)(bits >> 8));
        digest.Update((byte)bits);
        digest.BlockUpdate(userId);
        var q = publicPoint.Normalize();
        foreach (var element in new[] { Domain.Curve.A, Domain.Curve.B, Domain.G.AffineXCoord, Domain.G.AffineYCoord, q.AffineXCoord, q.AffineYCoord })
        {
            digest.BlockUpdate(element.GetEncoded());
        }

        Span<byte> z = stackalloc byte[Size];
        digest.DoFinal(z);
        var prefixed = new SM3Digest();
        prefixed.BlockUpdate(z);
        return prefixed;
    }

    public static BigInteger HashToE(SM3Digest zPrefixed, ReadOnlySpan<byte> message)
    {
        var digest = new SM3Digest(zPrefixed);
        digest.BlockUpdate(message);
        Span<byte> e = stackalloc byte[Size];
        digest.DoFinal(e);
        return new BigInteger(1, e);
    }

    public static byte[] Encode(BigInteger r, BigInteger s, Sm2SignatureEncoding encoding)
    {
        if (encoding == Sm2SignatureEncoding.Der)
        {
            return new DerSequence(new DerInteger(r), new DerInteger(s)).GetEncoded(Asn1Encodable.Der);
        }

        var raw = new byte[2 * Size];
        BigIntegers.AsUnsignedByteArray(r, raw, 0, Size);
        BigIntegers.AsUnsignedByteArray(s, raw, Size, Size);
        return raw;
    }

    /// <summary>Reads raw r||s (exactly 64 bytes) or DER; returns false for anything else.</summary>
    public static bool TryDecode(byte[] signature, out BigInteger r, out BigInteger s)
    {
        r = s = BigInteger.Zero;
        if (signature.Length == 2 * Size)
        {
            r = new BigInteger(1, signature, 0, Size);
            s = new BigInteger(1, signature, Size, Size);
            return true;
        }

        try
        {
            if (Asn1Object.FromByteArray(signature) is Asn1Sequence { Count: 2 } sequence
                && sequence[0] is DerInteger ri && sequence[1] is DerInteger si)
            {
                r = ri.Value;
                s = si.Value;
                return true;
            }
        }
        catch (IOException)
        {
            // Not DER either: reported as an undecodable signature by the caller.
        }

        return false;
    }

    public static bool Verify(ECPoint publicPoint, ReadOnlySpan<byte> userId, ReadOnlySpan<byte> message, BigInteger r, BigInteger s)
    {
        var n = Domain.N;
        if (r.SignValue <= 0 || r.CompareTo(n) >= 0 || s.SignValue <= 0 || s.CompareTo(n) >= 0)
        {
            return false;
        }

        var e = HashToE(ZPrefixedDigest(publicPoint, userId), message);
        var t = r.Add(s).Mod(n);
        if (t.SignValue == 0)
        {
            return false;
        }

        var point = ECAlgorithms.SumOfTwoMultiplies(Domain.G, s, Domain.Curve.ImportPoint(publicPoint), t).Normalize();
        return !point.IsInfinity && e.Add(point.AffineXCoord.ToBigInteger()).Mod(n).Equals(r);
    }

    /// <summary>An SM2 private key with the per-key values (Z, (1+d)^-1) computed once.</summary>
    internal sealed class PrivateKey
    {
        private readonly BigInteger _d;
        private readonly BigInteger _dPlusOneInverse;
        private readonly SM3Digest _zPrefixed;

        public PrivateKey(BigInteger d, ReadOnlySpan<byte> userId)
        {
            _d = d;
            PublicPoint = Sm2.PublicPoint(d);
            _dPlusOneInverse = d.Add(BigInteger.One).ModInverse(Domain.N);
            _zPrefixed = ZPrefixedDigest(PublicPoint, userId);
        }

        public ECPoint PublicPoint { get; }

        public (BigInteger R, BigInteger S) Sign(ReadOnlySpan<byte> message)
        {
            var n = Domain.N;
            var e = HashToE(_zPrefixed, message);
            Span<byte> kBytes = stackalloc byte[Size];
            while (true)
            {
                RandomNumberGenerator.Fill(kBytes);
                var k = new BigInteger(1, kBytes);
                if (k.SignValue == 0 || k.CompareTo(n) >= 0)
                {
                    continue;
                }

                var x1 = BaseMultiplier.Multiply(Domain.G, k).Normalize().AffineXCoord.ToBigInteger();
                var r = e.Add(x1).Mod(n);
                if (r.SignValue == 0 || r.Add(k).Equals(n))
                {
                    continue;
                }

                var s = _dPlusOneInverse.Multiply(k.Subtract(r.Multiply(_d))).Mod(n);
                if (s.SignValue != 0)
                {
                    return (r, s);
                }
            }
        }
    }
}
