using System.Globalization;
using Microsoft.AspNetCore.Http;
using Silkgate.Registry.Contracts;

namespace Silkgate.Server.Components.Registry;

/// <summary>Turns the posted registration form into the registry's input; the registry validates every field.</summary>
internal static class RegisterForm
{
    public static EnterpriseForm From(IFormCollection form)
    {
        string? S(string key) => form.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;

        var contacts = new List<ContactForm>();
        for (var i = 0; form.ContainsKey($"contacts[{i}].name"); i++)
        {
            var contact = new ContactForm(S($"contacts[{i}].name"), S($"contacts[{i}].phone"), S($"contacts[{i}].email"), S($"contacts[{i}].title"));
            // Extra empty rows are not contacts; the first row is always sent so that a missing contact is reported on it.
            if (i == 0 || contact != new ContactForm(null, null, null, null))
            {
                contacts.Add(contact);
            }
        }

        return new EnterpriseForm(
            S("uscc"), S("customsCode"), S("nameZh"), S("nameEn"),
            form["roles"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).ToList(),
            S("zoneCode"), S("districtCode"),
            long.TryParse(S("parkId"), NumberStyles.None, CultureInfo.InvariantCulture, out var park) ? park : null,
            S("address"), S("legalRepresentative"),
            decimal.TryParse(S("registeredCapital"), NumberStyles.Number, CultureInfo.InvariantCulture, out var capital) ? capital : null,
            contacts);
    }
}
