using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Silkgate.Kernel.Modules;

namespace Silkgate.Server.Hosting;

/// <summary>
/// Caps JSON request bodies (the CEB gateway sets its own, larger limit on its endpoints). A declared length over
/// the cap is refused at once with 413 and a problem document; a streamed body is cut off by the server limit.
/// </summary>
internal sealed class JsonBodyLimit(RequestDelegate next, IOptions<PlatformOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxJsonBodyBytes;
        var isJson = context.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        if (isJson)
        {
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsJsonAsync(new
                {
                    title = "Request body too large",
                    status = 413,
                    code = "request.too-large",
                    detail = $"The body has {context.Request.ContentLength} bytes; at most {limit} are accepted.",
                }, context.RequestAborted);
                return;
            }

            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }
        }

        await next(context);
    }
}
