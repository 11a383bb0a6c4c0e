using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Gateway.ReceiveMessage;

/// <summary><c>POST /api/v1/ceb/messages</c>: a CEB declaration (bare or in a DXP envelope) in, its receipt out.</summary>
internal static class ReceiveMessageEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/messages", HandleAsync)
            .WithName("ReceiveCebMessage")
            .WithSummary("Receive a CEB 202205 message or DXP envelope; answers with the customs-format receipt once the message is stored.")
            .Accepts<string>("application/xml", "text/xml")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous()
            .DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext http, MessageGateway gateway, IOptions<GatewayOptions> options, CancellationToken ct)
    {
        var actor = await GatewayActor.AuthenticateAsync(http);
        if (actor is null)
        {
            return GatewayActor.Unauthenticated(http);
        }

        if (actor.EnterpriseId is not { } enterpriseId)
        {
            return await GatewayActor.ForbiddenAsync(http, "clearance.message.receive", null, "gateway.not-an-enterprise", "Only an enterprise's sending system may send CEB messages.");
        }

        if (!IsXml(http.Request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "gateway.content-type",
                $"Send the message as application/xml or text/xml, not '{http.Request.ContentType}'.");
        }

        var limit = options.Value.MaxMessageBytes;
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(http.Request.ContentLength.Value, limit);
        }

        var bytes = await BoundedBody.ReadAsync(http.Request, limit, ct);
        if (bytes is null)
        {
            return TooLarge(null, limit);
        }

        var submission = await gateway.SubmitAsync(bytes, enterpriseId, actor.ApiKeyId, IngestChannel.Http, ct);
        switch (submission)
        {
            case Submission.Answered a:
                http.Response.Headers["X-Silkgate-Message-Id"] = a.Answer.MessageId.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["X-Silkgate-Replayed"] = a.Answer.Replayed ? "true" : "false";
                return TypedResults.Bytes(a.Answer.Receipt.Bytes, "application/xml; charset=utf-8");
            case Submission.Forbidden f:
                return await GatewayActor.ForbiddenAsync(http, "clearance.message.receive", $"ceb:{f.MessageType}:{f.Guid}", f.Refusal.Code, f.Refusal.Reason);
            default:
                http.Response.Headers.RetryAfter = "1";
                return Problem(StatusCodes.Status503ServiceUnavailable, "Not stored", "gateway.unavailable", ((Submission.Unavailable)submission).Reason);
        }
    }

    private static bool IsXml(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || media.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult TooLarge(long? length, long limit) => Problem(StatusCodes.Status413PayloadTooLarge, "Message too large", "gateway.too-large",
        length is null ? $"The message exceeds {limit} bytes." : $"The message has {length} bytes; at most {limit} are accepted.");

    private static ProblemHttpResult Problem(int status, string title, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
