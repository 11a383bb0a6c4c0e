using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Silkgate.Clearance.Gateway.ReceiveMessage;

/// <summary>Reads a request body into memory without ever holding more than the limit.</summary>
internal static class BoundedBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var feature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            // One byte over the limit lets this reader tell "too large" apart; the server cuts anything longer.
            feature.MaxRequestBodySize = limit + 1;
        }

        var initial = (int)Math.Min(request.ContentLength ?? 64 * 1024, limit + 1);
        var buffer = new byte[Math.Max(initial, 1024)];
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return null;
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
                }

                var n = await request.Body.ReadAsync(buffer.AsMemory(length), ct);
                if (n == 0)
                {
                    break;
                }

                length += n;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return length == buffer.Length ? buffer : buffer.AsSpan(0, length).ToArray();
    }
}
