using Microsoft.AspNetCore.Http.Features;
using Silkgate.Clearance.Contracts;

namespace Silkgate.Server.Components.Clearance;

/// <summary>
/// Enforces the gateway's message limit on the upload form before anything reads the form (antiforgery and the page
/// both do): a declared length over the limit is refused without reading the body; a streamed body is read into
/// memory only up to the limit and refused as soon as it passes it. A refused post is shown as the upload page with
/// the localized "too large" message (status 413), not as a bare error.
/// </summary>
internal sealed class UploadBodyLimit(RequestDelegate next)
{
    public const string Path = "/clearance/upload";

    /// <summary>Room for the multipart boundaries, part headers and the antiforgery field around the file.</summary>
    public const long FormAllowance = 64 * 1024;

    /// <summary>Headroom of the server's request-size cap above the limit (bytes past the limit are read only to be discarded).</summary>
    public const long DrainAllowance = 8 * 1024 * 1024;

    private static readonly object TooLargeKey = new();

    /// <summary>True when this request's upload was refused as too large (the page then shows why).</summary>
    public static bool WasTooLarge(HttpContext context) => context.Items.ContainsKey(TooLargeKey);

    /// <summary>A limit as people read it: "10 MB", "256 KB".</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? FormattableString.Invariant($"{bytes / (1024 * 1024)} MB")
        : FormattableString.Invariant($"{Math.Round(bytes / 1024.0, 1)} KB");

    public async Task InvokeAsync(HttpContext context, IMessageUpload uploads)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var limit = uploads.MaxMessageBytes + FormAllowance;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            // The reader below keeps at most the limit; the server's own cap (30 MB by default) must not cut off a message
            // within a higher configured limit. What arrives after a refusal is drained and discarded, never held.
            feature.MaxRequestBodySize = limit + DrainAllowance;
        }

        var body = request.ContentLength > limit ? null : await ReadAsync(context, limit);
        if (body is null)
        {
            // Render the page as for a visit (nothing is read or changed), with the refusal.
            context.Items[TooLargeKey] = true;
            request.Method = HttpMethods.Get;
            request.Body = Stream.Null;
            request.ContentLength = 0;
            request.ContentType = null;
        }
        else
        {
            context.Response.RegisterForDispose(body);
            request.Body = body;
            request.ContentLength = body.Length;
        }

        await next(context);
    }

    /// <summary>The body in memory, or null as soon as it is longer than <paramref name="limit"/>.</summary>
    private static async Task<MemoryStream?> ReadAsync(HttpContext context, long limit)
    {
        var buffer = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 64 * 1024, limit));
        var complete = false;
        try
        {
            var chunk = new byte[64 * 1024];
            int n;
            while ((n = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + n > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, n);
            }

            complete = true;
            buffer.Position = 0;
            return buffer;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            if (!complete)
            {
                await buffer.DisposeAsync();
            }
        }
    }
}
