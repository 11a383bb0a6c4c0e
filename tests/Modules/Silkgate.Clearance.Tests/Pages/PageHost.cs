using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Silkgate.Ceb;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Pages;

/// <summary>
/// The clearance pages on the real modules: enterprises registered and approved through the registry API (zone
/// 330500), messages sent by their systems with API keys created through Identity's API, audit entries read back from
/// Identity's audit log. People act through the test actor header, as an enterprise user of the real enterprise.
/// </summary>
internal static partial class PageHost
{
    public const string Zone = "330500";

    /// <summary>A sending enterprise: its registry entry, one of its users, and its system's API key.</summary>
    public sealed record Tenant(EnterpriseDetails Enterprise, Actor User, string ApiKey);

    /// <summary>A new approved enterprise of <see cref="Zone"/>, one of its users and an API key of its system.</summary>
    public static async Task<Tenant> NewEnterpriseAsync(this PlatformHost host)
    {
        var enterprise = await host.CreateEnterpriseAsync(Zone);
        using var admin = host.CreateClientAs(new Actor(TestEnterprises.NewUserId(), "企业管理员", Role.EnterpriseAdmin, TestEnterprises.Province, Zone,
            EnterpriseId: enterprise.Id));
        using var response = await admin.PostAsJsonAsync(new Uri("/api/v1/identity/api-keys", UriKind.Relative), new { name = "ERP" }, TestEnterprises.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>(TestEnterprises.Json)).GetProperty("key").GetString()!;
        var user = new Actor(TestEnterprises.NewUserId(), $"user of {enterprise.CustomsCode}", Role.EnterpriseUser, TestEnterprises.Province, Zone,
            EnterpriseId: enterprise.Id);
        return new Tenant(enterprise, user, key);
    }

    public static Actor ZoneAdmin(string zone) => TestEnterprises.ZoneAdmin(zone);

    /// <summary>Sends an import order and a payment whose amount disagrees (1 yuan) with the enterprise's API key, through the gateway.</summary>
    public static async Task<Sale> SendMismatchingSaleAsync(this PlatformHost host, Tenant sender)
    {
        var sale = NewSale();
        var order = Order(sale, sender.Enterprise);
        var payment = sale.ImportPayment(h => (h.AmountPaid, h.EbpCode) = (1m, sender.Enterprise.Uscc));
        (payment.BaseTransfer.CopCode, payment.Guid) = (sender.Enterprise.CustomsCode, CebMessage.NewGuid());
        using var system = host.CreateClientWithKey(sender.ApiKey);
        foreach (var message in new CebMessage[] { order, payment })
        {
            using var response = await Messages.PostAsync(system, Messages.Bytes(message));
            var receipt = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, receipt);
            var statuses = Messages.Statuses(Messages.Parse(receipt));
            Assert.True(statuses.Count > 0 && statuses.All(x => x.Status == "1"), receipt);
        }

        return sale;
    }

    /// <summary>An import sale whose documents pass the gateway's business checks when saved (appStatus 1, valid identity number).</summary>
    public static Sale NewSale()
    {
        var sale = new Sale(CebDirection.Import, "9610") { AppStatus = "1" };
        var stem = sale.BuyerId[..17];
        sale.BuyerId = stem + Silkgate.Ceb.Validation.Identifiers.ResidentIdCheckCharacter(stem)!.Value;
        return sale;
    }

    /// <summary>The sale's import order, sent by <paramref name="sender"/> as platform and e-commerce enterprise.</summary>
    public static Silkgate.Ceb.Import.Ceb311Message Order(Sale sale, EnterpriseDetails sender, string? copCode = null)
    {
        var order = sale.ImportOrder(h => (h.EbpCode, h.EbcCode) = (sender.Uscc, sender.Uscc));
        (order.BaseTransfer.CopCode, order.Guid) = (copCode ?? sender.CustomsCode, CebMessage.NewGuid());
        return order;
    }

    /// <summary>The id of the sale with this order number in the actor's sales list page.</summary>
    public static async Task<long> SaleIdAsync(HttpClient client, string orderNo)
    {
        var html = await client.GetStringAsync(new Uri($"/clearance/sales?orderNo={orderNo}", UriKind.Relative));
        var match = SaleRow().Match(html);
        Assert.True(match.Success, "the sale is listed");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("data-testid=\"sale-row\" data-id=\"(\\d+)\"")]
    private static partial Regex SaleRow();
}
