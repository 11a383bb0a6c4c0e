using BenchmarkDotNet.Attributes;
using Silkgate.Ceb.Signing;
using Silkgate.Ceb.Tests.Signing;

namespace Silkgate.Ceb.Signing.Benchmarks;

/// <summary>Sign and verify a typical ~4 KB CEB621 inventory, from bytes to bytes, SM2-SM3 against RSA-SHA1.</summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private byte[] _message = [];
    private CebSigner _sm2 = null!;
    private CebSigner _rsa = null!;
    private byte[] _signedSm2 = [];
    private byte[] _signedRsa = [];

    [GlobalSetup]
    public void Setup()
    {
        _message = SampleMessages.Utf8(SampleMessages.Inventory621(items: 5));
        _sm2 = new CebSigner(TestPki.IssueSm2(TestPki.CreateSm2Ca()).Credentials);
        _rsa = new CebSigner(TestPki.IssueRsa(TestPki.CreateRsaCa()).Credentials);
        _signedSm2 = _sm2.Sign(_message);
        _signedRsa = _rsa.Sign(_message);
        Console.WriteLine($"// message {_message.Length} bytes, signed SM2 {_signedSm2.Length} bytes, signed RSA {_signedRsa.Length} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sm2.Dispose();
        _rsa.Dispose();
    }

    [Benchmark(Baseline = true)]
    public byte[] Sm2Sm3_Sign() => _sm2.Sign(_message);

    [Benchmark]
    public bool Sm2Sm3_Verify() => CebSignatureVerifier.Default.Verify(_signedSm2).IsValid;

    [Benchmark]
    public byte[] RsaSha1_Sign() => _rsa.Sign(_message);

    [Benchmark]
    public bool RsaSha1_Verify() => CebSignatureVerifier.Default.Verify(_signedRsa).IsValid;
}
