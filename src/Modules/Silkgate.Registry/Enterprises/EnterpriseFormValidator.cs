using System.Net.Mail;
using Silkgate.Kernel.Errors;
using Silkgate.Kernel.Values;
using Silkgate.Registry.Contracts;
using Silkgate.Registry.Tenancy;

namespace Silkgate.Registry.Enterprises;

/// <summary>Checks a registration form field by field and reports every problem at once.</summary>
internal sealed class EnterpriseFormValidator(TenancyStore tenancy)
{
    public const int MaxContacts = 20;

    public async Task<Result<ValidEnterprise>> ValidateAsync(EnterpriseForm form, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (!Uscc.TryParse(form.Uscc, out var uscc, out var usccProblem))
        {
            problems.Add(Problem.Invalid("uscc", "uscc.invalid", $"The unified social credit code {usccProblem}."));
        }

        if (!CustomsCode.TryParse(form.CustomsCode, out var customsCode, out var customsProblem))
        {
            problems.Add(Problem.Invalid("customsCode", "customs-code.invalid", $"The customs registration code {customsProblem}."));
        }

        var nameZh = Text(form.NameZh, "nameZh", 200, required: true, problems);
        var nameEn = Text(form.NameEn, "nameEn", 200, required: false, problems);
        var address = Text(form.Address, "address", 500, required: true, problems);
        var legal = Text(form.LegalRepresentative, "legalRepresentative", 100, required: true, problems);
        var roles = Roles(form.Roles, problems);
        var (zoneCode, districtCode) = await PlaceAsync(form, problems, ct);

        Amount? capital = null;
        if (form.RegisteredCapital is { } c)
        {
            if (c < 0 || !Amount.TryFromDecimal(c, out var amount))
            {
                problems.Add(Problem.Invalid("registeredCapital", "capital.invalid", "Registered capital must be a non-negative amount in yuan with at most five decimal places."));
            }
            else
            {
                capital = amount;
            }
        }

        var contacts = Contacts(form.Contacts, problems);
        return problems.Count > 0
            ? Result<ValidEnterprise>.Failure(problems)
            : new ValidEnterprise(uscc, customsCode, nameZh!, nameEn, roles, zoneCode!, districtCode!, form.ParkId, address!, legal!, capital, contacts);
    }

    private async Task<(string? Zone, string? District)> PlaceAsync(EnterpriseForm form, List<Problem> problems, CancellationToken ct)
    {
        var zoneCode = form.ZoneCode?.Trim() ?? "";
        var districtCode = form.DistrictCode?.Trim() ?? "";
        ZoneInfo? zone = null;
        if (zoneCode.Length == 0)
        {
            problems.Add(Problem.Invalid("zoneCode", "zone.required", "A zone is required."));
        }
        else if ((zone = await tenancy.FindZoneAsync(zoneCode, ct)) is null)
        {
            problems.Add(Problem.Invalid("zoneCode", "zone.unknown", $"Zone '{zoneCode}' is not a zone of this province."));
        }

        var district = districtCode.Length == 0 ? null : await tenancy.FindDistrictAsync(districtCode, ct);
        if (districtCode.Length == 0)
        {
            problems.Add(Problem.Invalid("districtCode", "district.required", "A district or county is required."));
        }
        else if (district is null)
        {
            problems.Add(Problem.Invalid("districtCode", "district.unknown", $"District '{districtCode}' is not known."));
        }
        else if (zone is not null && district.ZoneCode != zone.Code)
        {
            problems.Add(Problem.Invalid("districtCode", "district.not-in-zone", $"District '{districtCode}' does not belong to zone '{zone.Code}'."));
        }

        if (form.ParkId is { } parkId)
        {
            var park = await tenancy.FindParkAsync(parkId, ct);
            if (park is null)
            {
                problems.Add(Problem.Invalid("parkId", "park.unknown", $"Park {parkId} is not known."));
            }
            else if (zone is not null && park.ZoneCode != zone.Code)
            {
                problems.Add(Problem.Invalid("parkId", "park.not-in-zone", $"Park {parkId} does not belong to zone '{zone.Code}'."));
            }
        }

        return (zone?.Code, district?.Code);
    }

    private static List<EnterpriseRole> Roles(IReadOnlyList<string>? names, List<Problem> problems)
    {
        var roles = new List<EnterpriseRole>();
        if (names is null || names.Count == 0)
        {
            problems.Add(Problem.Invalid("roles", "roles.required", "At least one role is required."));
            return roles;
        }

        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i]?.Trim();
            if (string.IsNullOrEmpty(name) || char.IsAsciiDigit(name[0]) || !Enum.TryParse<EnterpriseRole>(name, ignoreCase: true, out var role))
            {
                problems.Add(Problem.Invalid($"roles[{i}]", "roles.unknown", $"'{name}' is not a role; use one of {string.Join(", ", Enum.GetNames<EnterpriseRole>())}."));
            }
            else if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    private static List<Contact> Contacts(IReadOnlyList<ContactForm>? forms, List<Problem> problems)
    {
        var contacts = new List<Contact>();
        if (forms is null || forms.Count == 0)
        {
            problems.Add(Problem.Invalid("contacts", "contacts.required", "At least one contact is required."));
            return contacts;
        }

        if (forms.Count > MaxContacts)
        {
            problems.Add(Problem.Invalid("contacts", "contacts.too-many", $"At most {MaxContacts} contacts."));
            return contacts;
        }

        for (var i = 0; i < forms.Count; i++)
        {
            var f = forms[i];
            var name = Text(f?.Name, $"contacts[{i}].name", 100, required: true, problems);
            var phone = f?.Phone?.Trim() ?? "";
            if (phone.Length is < 5 or > 30 || phone.Any(ch => !char.IsAsciiDigit(ch) && ch is not ('+' or '-' or ' ' or '(' or ')')))
            {
                problems.Add(Problem.Invalid($"contacts[{i}].phone", "phone.invalid", "A phone number of 5 to 30 digits (with + - ( ) or spaces) is required."));
            }

            var email = string.IsNullOrWhiteSpace(f?.Email) ? null : f.Email.Trim();
            if (email is not null && (email.Length > 200 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal)))
            {
                problems.Add(Problem.Invalid($"contacts[{i}].email", "email.invalid", $"'{email}' is not an email address."));
            }

            var title = Text(f?.Title, $"contacts[{i}].title", 100, required: false, problems);
            if (name is not null)
            {
                contacts.Add(new Contact(name, phone, email, title));
            }
        }

        return contacts;
    }

    private static string? Text(string? value, string field, int max, bool required, List<Problem> problems)
    {
        var s = value?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            if (required)
            {
                problems.Add(Problem.Invalid(field, "required", "This field is required."));
            }

            return null;
        }

        if (s.Length > max)
        {
            problems.Add(Problem.Invalid(field, "too-long", $"At most {max} characters, got {s.Length}."));
            return null;
        }

        return s;
    }
}
