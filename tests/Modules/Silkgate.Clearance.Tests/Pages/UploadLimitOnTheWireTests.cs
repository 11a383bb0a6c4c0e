using System.Net;
using System.Net.Http.Headers;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Pages;

/// <summary>
/// The upload limit against a real socket (Kestrel on loopback), where a refused body is still arriving while the page
/// answers (the in-memory test server buffers request bodies itself). Database-independent, so on SQLite only.
/// </summary>
public sealed class UploadLimitOnTheWireTests : IAsyncLifetime
{
    private readonly SqliteHost _host = new();

    public Task InitializeAsync()
    {
        _host.Settings["Clearance:Gateway:MaxMessageBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _host.UseKestrel(0);
        _host.StartServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_host).DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_upload_somewhat_over_the_limit_gets_the_too_large_page_over_a_real_connection(bool declaresLength)
    {
        var tenant = await _host.NewEnterpriseAsync();
        using var client = _host.CreateClientAs(tenant.User);
        using var body = Multipart(new EndlessContent(4L * 1024 * 1024, declaresLength));

        using var response = await client.PostAsync(new Uri("/clearance/upload", UriKind.Relative), body);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("data-too-large=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("文件过大：平台只接收不超过 256 KB 的报文", html, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Multipart(HttpContent file)
    {
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml");
        return new MultipartFormDataContent { { new StringContent("upload-message"), "_handler" }, { file, "file", "order.xml" } };
    }

    /// <summary>A file of <paramref name="size"/> bytes made on the fly, its length announced or not (chunked).</summary>
    private sealed class EndlessContent(long size, bool declaresLength) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)'A');
            for (long written = 0; written < size; written += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = size;
            return declaresLength;
        }
    }
}
