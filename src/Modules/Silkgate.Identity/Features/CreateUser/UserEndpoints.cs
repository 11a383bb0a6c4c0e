using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Silkgate.Identity.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Http;

namespace Silkgate.Identity.Features.CreateUser;

/// <summary><c>/api/v1/identity/users</c>: government accounts (province admin) and enterprise users (enterprise admin).</summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder group)
    {
        var users = group.MapGroup("/users").RequireAuthorization();
        users.MapGet("/", async Task<Results<Ok<IReadOnlyList<UserSummary>>, ProblemHttpResult>> (IAccountService accounts, CancellationToken ct) =>
            {
                var result = await accounts.ListGovernmentUsersAsync(ct);
                return result.IsSuccess ? TypedResults.Ok(result.Value!) : ProblemResults.From(result.Errors);
            })
            .WithName("ListGovernmentUsers")
            .WithSummary("Government accounts (province admin).");

        users.MapPost("/", async Task<Results<Created<UserSummary>, ProblemHttpResult>> (CreateUserBody body, IAccountService accounts, CancellationToken ct) =>
            {
                if (!Enum.TryParse<Role>(body.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                {
                    return ProblemResults.From(Problem.Invalid("role", "role.unknown", "The role is ProvinceAdmin, ZoneAdmin, AgencyOfficer or EnterpriseUser."));
                }

                Agency? agency = null;
                if (!string.IsNullOrWhiteSpace(body.Agency))
                {
                    if (!Enum.TryParse<Agency>(body.Agency, ignoreCase: true, out var a) || !Enum.IsDefined(a))
                    {
                        return ProblemResults.From(Problem.Invalid("agency", "agency.unknown", "The agency is Customs, Tax, ForeignExchange or MarketRegulation."));
                    }

                    agency = a;
                }

                var result = await accounts.CreateUserAsync(
                    new CreateUserRequest(body.Username ?? "", body.DisplayName ?? "", body.Password ?? "", role, body.ZoneCode, agency), ct);
                return result.IsSuccess
                    ? TypedResults.Created($"/api/v1/identity/users/{result.Value!.Id}", result.Value)
                    : ProblemResults.From(result.Errors);
            })
            .WithName("CreateUser")
            .WithSummary("Creates a government account (province admin) or a user of the caller's enterprise (enterprise admin).");
    }
}

internal sealed record CreateUserBody(string? Username, string? DisplayName, string? Password, string? Role, string? ZoneCode, string? Agency);
