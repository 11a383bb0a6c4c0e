using System.Globalization;
using Silkgate.Kernel.Errors;
using Silkgate.Registry.AgentAuthorizations;
using Silkgate.Registry.Contracts;

namespace Silkgate.Registry.Features.AuthorizeDeclaringAgents;

/// <summary>Checks a grant field by field and reports every problem at once.</summary>
internal sealed class GrantValidator(IEnterpriseDirectory directory, TimeProvider time)
{
    public const int MaxNote = 500;

    public async Task<Result<ValidGrant>> ValidateAsync(EnterpriseDetails principal, AgentAuthorizationForm form, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var agent = await AgentAsync(principal, form.AgentCode, problems, ct);
        var (all, types) = Types(form.MessageTypes, problems);
        var today = ChinaDates.Today(time);
        var from = Day("validFrom", form.ValidFrom, required: true, problems);
        var until = Day("validUntil", form.ValidUntil, required: false, problems);
        if (from is { } f && f < today)
        {
            problems.Add(Problem.Invalid("validFrom", "validFrom.past", $"The first day may not be before today ({Iso(today)})."));
        }

        if (from is { } start && until is { } end && end < start)
        {
            problems.Add(Problem.Invalid("validUntil", "validUntil.before-start", "The last day may not be before the first day."));
        }

        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        if (note?.Length > MaxNote)
        {
            problems.Add(Problem.Invalid("note", "too-long", $"At most {MaxNote} characters, got {note.Length}."));
        }

        if (problems.Count > 0)
        {
            return Result<ValidGrant>.Failure(problems);
        }

        return new ValidGrant(agent!, all, types, ChinaDates.StartOf(from!.Value), until is { } u ? ChinaDates.EndOf(u) : null, note);
    }

    private async Task<EnterpriseSummary?> AgentAsync(EnterpriseDetails principal, string? code, List<Problem> problems, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            problems.Add(Problem.Invalid("agentCode", "required", "The agent's USCC or customs code is required."));
            return null;
        }

        var agent = await directory.FindByCodeAsync(code, ct);
        if (agent is null)
        {
            problems.Add(Problem.Invalid("agentCode", "agent.unknown", $"No registered enterprise has the USCC or customs code '{code.Trim()}'."));
        }
        else if (agent.Id == principal.Id)
        {
            problems.Add(Problem.Invalid("agentCode", "agent.self", "An enterprise cannot authorize itself; it declares in its own name."));
        }
        else if (agent.Status != EnterpriseStatus.Approved)
        {
            problems.Add(Problem.Invalid("agentCode", "agent.not-approved", $"The agent's registration is {agent.Status}; only approved enterprises can be authorized."));
        }

        return agent;
    }

    private static (bool All, IReadOnlyList<string> Types) Types(IReadOnlyList<string>? given, List<Problem> problems)
    {
        if (given is null || given.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(Problem.Invalid("messageTypes", "required", $"Name at least one CEB declaration type, or '{AgentMessageTypes.All}'."));
            return (false, []);
        }

        var types = new List<string>();
        var all = false;
        for (var i = 0; i < given.Count; i++)
        {
            var text = given[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (string.Equals(text.Trim(), AgentMessageTypes.All, StringComparison.OrdinalIgnoreCase))
            {
                all = true;
            }
            else if (AgentMessageTypes.Normalize(text) is { } root)
            {
                if (!types.Contains(root))
                {
                    types.Add(root);
                }
            }
            else
            {
                problems.Add(Problem.Invalid($"messageTypes[{i}]", "message-type.unknown",
                    $"'{text.Trim()}' is not a CEB declaration message type (e.g. CEB311Message, CEB621Message)."));
            }
        }

        return all ? (true, []) : (false, types);
    }

    private static DateOnly? Day(string field, string? text, bool required, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(Problem.Invalid(field, "required", "A date (yyyy-MM-dd) is required."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(Problem.Invalid(field, "date.format", $"'{text.Trim()}' is not a date of the form yyyy-MM-dd."));
        return null;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
