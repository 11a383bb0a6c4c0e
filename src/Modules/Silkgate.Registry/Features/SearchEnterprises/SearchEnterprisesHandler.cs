using Silkgate.Kernel.Errors;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Enterprises;
using Silkgate.Registry.Tenancy;

namespace Silkgate.Registry.Features.SearchEnterprises;

/// <summary>Searches the registrations the actor may see; every bad filter is reported with its field.</summary>
internal sealed class SearchEnterprisesHandler(EnterpriseGate gate, EnterpriseSearch search, TenancyStore tenancy)
{
    public const int MaxPageSize = 100;
    private static readonly string[] Sorts = ["name", "uscc", "submitted", "-submitted"];

    public async Task<Result<EnterprisePage>> HandleAsync(EnterpriseQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (gate.Actor is not { } actor)
        {
            return EnterpriseGate.SignInRequired;
        }

        var problems = new List<Problem>();
        if (query.Page < 1)
        {
            problems.Add(Problem.Invalid("page", "page.invalid", "Page numbers start at 1."));
        }

        if (query.PageSize is < 1 or > MaxPageSize)
        {
            problems.Add(Problem.Invalid("pageSize", "page-size.invalid", $"Page size must be between 1 and {MaxPageSize}."));
        }

        EnterpriseRole? role = null;
        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            if (char.IsAsciiDigit(query.Role.Trim()[0]) || !Enum.TryParse<EnterpriseRole>(query.Role, true, out var r))
            {
                problems.Add(Problem.Invalid("role", "roles.unknown", $"'{query.Role}' is not a role."));
            }
            else
            {
                role = r;
            }
        }

        EnterpriseStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (char.IsAsciiDigit(query.Status.Trim()[0]) || !Enum.TryParse<EnterpriseStatus>(query.Status, true, out var s))
            {
                problems.Add(Problem.Invalid("status", "status.unknown", $"'{query.Status}' is not a status."));
            }
            else
            {
                status = s;
            }
        }

        if (query.Sort is { Length: > 0 } sort && !Sorts.Contains(sort))
        {
            problems.Add(Problem.Invalid("sort", "sort.unknown", $"Sort by one of {string.Join(", ", Sorts)}."));
        }

        if (!string.IsNullOrWhiteSpace(query.ZoneCode) && await tenancy.FindZoneAsync(query.ZoneCode.Trim(), ct) is null)
        {
            problems.Add(Problem.Invalid("zone", "zone.unknown", $"Zone '{query.ZoneCode}' is not a zone of this province."));
        }

        if (!string.IsNullOrWhiteSpace(query.DistrictCode) && await tenancy.FindDistrictAsync(query.DistrictCode.Trim(), ct) is null)
        {
            problems.Add(Problem.Invalid("district", "district.unknown", $"District '{query.DistrictCode}' is not known."));
        }

        if (query.ParkId is { } park && await tenancy.FindParkAsync(park, ct) is null)
        {
            problems.Add(Problem.Invalid("park", "park.unknown", $"Park {park} is not known."));
        }

        if (problems.Count > 0)
        {
            return Result<EnterprisePage>.Failure(problems);
        }

        var own = await gate.OwnAsync(actor, ct);
        return await search.SearchAsync(gate.Province, actor, own, query, role, status, ct);
    }
}
