using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

/// <summary>The hand-written SM2 engine must agree with BouncyCastle's SM2Signer in both directions.</summary>
public class Sm2Tests
{
    private static readonly byte[] UserId = Encoding.ASCII.GetBytes(Sm2.DefaultUserId);
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("<ds:SignedInfo>签名</ds:SignedInfo>");

    [Fact]
    public void Signature_made_here_verifies_with_BouncyCastle_SM2Signer_in_both_encodings()
    {
        var keys = TestPki.NewSm2KeyPair();
        var key = new Sm2.PrivateKey(((ECPrivateKeyParameters)keys.Private).D, UserId);
        var (r, s) = key.Sign(Message);

        foreach (var (encoding, bcEncoding) in new (Sm2SignatureEncoding, IDsaEncoding)[] { (Sm2SignatureEncoding.Raw, PlainDsaEncoding.Instance), (Sm2SignatureEncoding.Der, StandardDsaEncoding.Instance) })
        {
            var signer = new SM2Signer(bcEncoding);
            signer.Init(false, new ParametersWithID(keys.Public, UserId));
            signer.BlockUpdate(Message, 0, Message.Length);
            Assert.True(signer.VerifySignature(Sm2.Encode(r, s, encoding)), encoding.ToString());
        }
    }

    [Fact]
    public void Signature_made_by_BouncyCastle_SM2Signer_verifies_here()
    {
        var keys = TestPki.NewSm2KeyPair();
        var signer = new SM2Signer(StandardDsaEncoding.Instance);
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(keys.Private, new SecureRandom()), UserId));
        signer.BlockUpdate(Message, 0, Message.Length);
        var der = signer.GenerateSignature();

        Assert.True(Sm2.TryDecode(der, out var r, out var s));
        Assert.True(Sm2.Verify(((ECPublicKeyParameters)keys.Public).Q, UserId, Message, r, s));
    }

    [Fact]
    public void Another_user_id_or_message_fails_verification()
    {
        var keys = TestPki.NewSm2KeyPair();
        var q = ((ECPublicKeyParameters)keys.Public).Q;
        var (r, s) = new Sm2.PrivateKey(((ECPrivateKeyParameters)keys.Private).D, UserId).Sign(Message);

        Assert.True(Sm2.Verify(q, UserId, Message, r, s));
        Assert.False(Sm2.Verify(q, "ALICE123@YAHOO.COM"u8, Message, r, s));
        Assert.False(Sm2.Verify(q, UserId, [.. Message, 0x20], r, s));
    }

    [Fact]
    public void Raw_encoding_is_64_bytes_and_garbage_does_not_decode()
    {
        var (r, s) = new Sm2.PrivateKey(((ECPrivateKeyParameters)TestPki.NewSm2KeyPair().Private).D, UserId).Sign(Message);
        Assert.Equal(64, Sm2.Encode(r, s, Sm2SignatureEncoding.Raw).Length);
        Assert.False(Sm2.TryDecode(new byte[63], out _, out _));
    }
}
