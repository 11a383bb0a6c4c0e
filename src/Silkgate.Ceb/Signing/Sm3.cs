using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Silkgate.Ceb.Signing;

/// <summary>The SM3 hash (GB/T 32905-2016), 256-bit output.</summary>
public static class Sm3
{
    /// <summary>Size of an SM3 hash in bytes.</summary>
    public const int HashSizeInBytes = 32;

    /// <summary>Hashes <paramref name="source"/>.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        var result = new byte[HashSizeInBytes];
        HashData(source, result);
        return result;
    }

    /// <summary>Hashes <paramref name="source"/> into <paramref name="destination"/> (at least 32 bytes).</summary>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination));
        }

        var digest = new SM3Digest();
        digest.BlockUpdate(source);
        digest.DoFinal(destination);
    }

    /// <summary>Hashes the rest of <paramref name="source"/>.</summary>
    public static byte[] HashData(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var algorithm = Create();
        return algorithm.ComputeHash(source);
    }

    /// <summary>An incremental SM3 <see cref="HashAlgorithm"/>, usable wherever .NET expects one.</summary>
    public static HashAlgorithm Create() => new Sm3HashAlgorithm();
}

/// <summary>Adapts BouncyCastle's SM3 to <see cref="HashAlgorithm"/> so .NET's C14N transform can digest into it.</summary>
internal sealed class Sm3HashAlgorithm : HashAlgorithm
{
    private readonly SM3Digest _digest = new();

    public Sm3HashAlgorithm() => HashSizeValue = Sm3.HashSizeInBytes * 8;

    public override void Initialize() => _digest.Reset();

    protected override void HashCore(byte[] array, int ibStart, int cbSize) => _digest.BlockUpdate(array, ibStart, cbSize);

    protected override void HashCore(ReadOnlySpan<byte> source) => _digest.BlockUpdate(source);

    protected override byte[] HashFinal()
    {
        var result = new byte[Sm3.HashSizeInBytes];
        _digest.DoFinal(result, 0);
        return result;
    }

    protected override bool TryHashFinal(Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < Sm3.HashSizeInBytes)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = _digest.DoFinal(destination);
        return true;
    }
}
