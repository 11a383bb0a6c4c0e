using System.Text;
using Silkgate.Ceb.Signing;

namespace Silkgate.Ceb.Tests.Signing;

public class Sm3Tests
{
    [Fact]
    public void Hash_of_abc_is_the_published_GB_T_32905_vector() =>
        Assert.Equal(
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            Convert.ToHexStringLower(Sm3.HashData("abc"u8)));

    [Fact]
    public void Hash_of_64_bytes_abcd_repeated_is_the_published_GB_T_32905_vector() =>
        Assert.Equal(
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
            Convert.ToHexStringLower(Sm3.HashData(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcd", 16))))));

    [Fact]
    public void Stream_and_incremental_hashing_agree_with_one_shot()
    {
        var data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("跨境电商 CEB ", 500)));
        var expected = Sm3.HashData(data);

        using var stream = new MemoryStream(data);
        Assert.Equal(expected, Sm3.HashData(stream));

        using var incremental = Sm3.Create();
        incremental.TransformBlock(data, 0, 1000, null, 0);
        incremental.TransformFinalBlock(data, 1000, data.Length - 1000);
        Assert.Equal(expected, incremental.Hash);
        Assert.Equal(256, incremental.HashSize);
    }

    [Fact]
    public void Too_small_destination_is_refused() =>
        Assert.Throws<ArgumentException>(() => Sm3.HashData("abc"u8, new byte[31]));
}
