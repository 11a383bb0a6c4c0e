using System.Diagnostics;
using System.Text;
using Silkgate.Ceb.Reading;

namespace Silkgate.Ceb.Tests;

public class HostileInputTests
{
    private static CebReadResult Timed(Func<CebReadResult> read)
    {
        var sw = Stopwatch.StartNew();
        var r = read();
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(3), $"took {sw.Elapsed}");
        return r;
    }

    private static CebReadResult Read(string xml) => Timed(() => CebReader.Read(Encoding.UTF8.GetBytes(xml)));

    [Fact]
    public void Billion_laughs_is_refused_as_dtd()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">");
        }
        sb.Append("]><ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">&lol9;</ceb:CEB311Message>");
        Assert.Equal(CebReadFailure.DtdProhibited, Read(sb.ToString()).Failure);
    }

    [Fact]
    public void External_entity_is_refused_without_reading_the_file()
    {
        var r = Read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">&xxe;</ceb:CEB311Message>");
        Assert.Equal(CebReadFailure.DtdProhibited, r.Failure);
        Assert.DoesNotContain("root:", r.FailureDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_dtd_is_refused() =>
        Assert.Equal(CebReadFailure.DtdProhibited, Read("<!DOCTYPE a><a/>").Failure);

    [Fact]
    public void Fifty_megabyte_document_is_refused_by_size_before_parsing()
    {
        var big = new byte[50 * 1024 * 1024];
        Encoding.ASCII.GetBytes("<a>").CopyTo(big, 0);
        Assert.Equal(CebReadFailure.TooLarge, Timed(() => CebReader.Read(big)).Failure);
    }

    [Fact]
    public void Oversized_stream_of_unknown_length_is_refused_after_the_limit_not_at_its_end()
    {
        var stream = new EndlessStream("<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\"><ceb:note>"u8.ToArray(), (byte)'a');
        var r = Timed(() => CebReader.Read(stream, new CebReaderOptions { MaxBytes = 1024 * 1024, MaxTextLength = int.MaxValue }));
        Assert.Equal(CebReadFailure.TooLarge, r.Failure);
        Assert.True(stream.Position < 3 * 1024 * 1024, $"read {stream.Position} bytes");
    }

    [Fact]
    public void Ten_thousand_deep_nesting_is_refused()
    {
        var xml = "<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\">" +
                  string.Concat(Enumerable.Repeat("<a>", 10_000)) + string.Concat(Enumerable.Repeat("</a>", 10_000)) + "</ceb:CEB311Message>";
        Assert.Equal(CebReadFailure.TooDeep, Read(xml).Failure);
    }

    [Fact]
    public void Huge_attribute_is_refused()
    {
        var xml = "<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + new string('A', 2_000_000) + "\" version=\"1.0\"/>";
        Assert.Equal(CebReadFailure.TextTooLong, Read(xml).Failure);
    }

    [Fact]
    public void Too_many_attributes_and_elements_are_refused()
    {
        var attrs = string.Concat(Enumerable.Range(0, 100).Select(i => $" a{i}=\"1\""));
        Assert.Equal(CebReadFailure.TooManyAttributes, Read($"<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"{attrs}/>").Failure);
        var many = "<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\" guid=\"x\" version=\"1.0\">" + string.Concat(Enumerable.Repeat("<b/>", 2000)) + "</ceb:CEB311Message>";
        Assert.Equal(CebReadFailure.TooManyElements, Timed(() => CebReader.Read(Encoding.UTF8.GetBytes(many), new CebReaderOptions { MaxElements = 1000 })).Failure);
    }

    [Theory]
    [InlineData("<ceb:CEB999Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"/>", CebReadFailure.UnknownRoot)]
    [InlineData("<CEB311Message xmlns=\"http://example.com/ceb\"/>", CebReadFailure.WrongNamespace)]
    [InlineData("<CEB311Message/>", CebReadFailure.WrongNamespace)]
    [InlineData("<DxpMsg xmlns=\"http://www.chinaport.gov.cn/ceb\"/>", CebReadFailure.WrongNamespace)]
    [InlineData("<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">", CebReadFailure.Malformed)]
    [InlineData("", CebReadFailure.Malformed)]
    public void Unknown_roots_wrong_namespaces_and_broken_xml_are_refused(string xml, CebReadFailure expected) =>
        Assert.Equal(expected, Read(xml).Failure);

    private sealed class EndlessStream(byte[] prefix, byte fill) : Stream
    {
        private long _pos;
        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++, _pos++)
            {
                buffer[offset + i] = _pos < prefix.Length ? prefix[_pos] : fill;
            }
            return count;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _pos; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
