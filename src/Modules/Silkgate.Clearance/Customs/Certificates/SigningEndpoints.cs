using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;

namespace Silkgate.Clearance.Customs.Certificates;

/// <param name="EnterpriseId">Optional for an enterprise's own users (their enterprise); required for government actors.</param>
/// <param name="Certificate">PEM text or Base64 of the DER encoding.</param>
internal sealed record RegisterCertificateRequest(long? EnterpriseId, string? Certificate);

internal sealed record RevokeCertificateRequest(string? Reason);

/// <param name="Pkcs12">Base64 of the .p12/.pfx file.</param>
internal sealed record DepositKeyRequest(long? EnterpriseId, string? Pkcs12, string? Password);

/// <summary><c>/api/v1/ceb/certificates</c> and <c>/api/v1/ceb/signing-keys</c>: JSON, errors as ProblemDetails.</summary>
internal static class SigningEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/certificates", async Task<Results<Ok<SigningCertificateList>, ProblemHttpResult>> (long? enterpriseId, ISigningAdmin admin, IActorContext actors, CancellationToken ct) =>
            Answer(await admin.ListCertificatesAsync(EnterpriseOf(enterpriseId, actors), ct)))
            .WithName("ListSigningCertificates").WithSummary("The enterprise's registered signing certificates, revoked ones included");

        api.MapGet("/certificates/{id:long}", async Task<Results<Ok<SigningCertificate>, ProblemHttpResult>> (long id, ISigningAdmin admin, CancellationToken ct) =>
            Answer(await admin.GetCertificateAsync(id, ct)))
            .WithName("GetSigningCertificate").WithSummary("One registered signing certificate").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/certificates", async Task<Results<Created<SigningCertificate>, ProblemHttpResult>> (RegisterCertificateRequest body, ISigningAdmin admin, IActorContext actors, CancellationToken ct) =>
        {
            var result = await admin.RegisterCertificateAsync(EnterpriseOf(body.EnterpriseId, actors), body.Certificate, ct);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/ceb/certificates/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("RegisterSigningCertificate").WithSummary("The enterprise's admin registers an X.509 signing certificate (SM2 or RSA, PEM or DER)")
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/certificates/{id:long}/revoke", async Task<Results<Ok<SigningCertificate>, ProblemHttpResult>> (long id, RevokeCertificateRequest? body, ISigningAdmin admin, CancellationToken ct) =>
            Answer(await admin.RevokeCertificateAsync(id, body?.Reason, ct)))
            .WithName("RevokeSigningCertificate").WithSummary("The enterprise's admin revokes a certificate; its signatures are refused from then on")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/signing-keys", async Task<Results<Ok<SigningKeyList>, ProblemHttpResult>> (long? enterpriseId, ISigningAdmin admin, IActorContext actors, CancellationToken ct) =>
            Answer(await admin.ListKeysAsync(EnterpriseOf(enterpriseId, actors), ct)))
            .WithName("ListSigningKeys").WithSummary("Metadata of the keys the enterprise deposited (never the keys)");

        api.MapPost("/signing-keys", async Task<Results<Created<SigningKeyDeposit>, ProblemHttpResult>> (DepositKeyRequest body, ISigningAdmin admin, IActorContext actors, CancellationToken ct) =>
        {
            if (!TryBase64(body.Pkcs12, out var pkcs12))
            {
                return ProblemResults.From(Problem.Invalid("pkcs12", "signing-key.base64", "Give the PKCS#12 file as Base64."));
            }

            var result = await admin.DepositKeyAsync(EnterpriseOf(body.EnterpriseId, actors), pkcs12, body.Password, ct);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/ceb/signing-keys/{result.Value!.Id}", result.Value) : ProblemResults.From(result.Errors);
        })
        .WithName("DepositSigningKey").WithSummary("The enterprise's admin deposits a PKCS#12 key for the platform to sign on its behalf; only metadata comes back")
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/signing-keys/{id:long}/withdraw", async Task<Results<Ok<SigningKeyDeposit>, ProblemHttpResult>> (long id, ISigningAdmin admin, CancellationToken ct) =>
            Answer(await admin.WithdrawKeyAsync(id, ct)))
            .WithName("WithdrawSigningKey").WithSummary("The enterprise's admin withdraws a deposited key; the sealed key is erased")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The enterprise asked for, or the actor's own; 0 (found nowhere, hence 404) when neither is known.</summary>
    private static long EnterpriseOf(long? requested, IActorContext actors) => requested ?? actors.Current?.EnterpriseId ?? 0;

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Errors);

    private static bool TryBase64(string? text, out byte[]? bytes)
    {
        bytes = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        try
        {
            bytes = Convert.FromBase64String(text.Trim());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
