using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Pages;

/// <summary>
/// A host for the clearance pages: the real declaration processor (so sales are matched), an in-memory enterprise
/// directory (every enterprise in zone 330100) and a recording audit trail.
/// </summary>
internal sealed partial class PageHost
{
    public const string Zone = "330100";

    private static readonly ConditionalWeakTable<PlatformHost, PageHost> Hosts = new();

    public TestEnterpriseDirectory Directory { get; } = new();

    public RecordingAuditTrail Audit { get; } = new();

    public static PageHost For(PlatformHost host) => Hosts.GetValue(host, h =>
    {
        var d = new PageHost();
        h.TestServices.Add(s =>
        {
            s.AddSingleton<IEnterpriseDirectory>(d.Directory);
            s.AddSingleton<IAuditTrail>(d.Audit);
        });
        return d;
    });

    /// <summary>A new approved enterprise and one of its users.</summary>
    public (EnterpriseSummary Enterprise, Actor Actor) NewEnterprise()
    {
        var e = Directory.Add();
        return (e, new Actor(e.Id * 10, $"user of {e.CustomsCode}", Role.EnterpriseUser, "330000", e.ZoneCode, null, e.Id));
    }

    public static Actor ZoneAdmin(string zone) => new(7_000_001, "zone admin", Role.ZoneAdmin, "330000", zone);

    /// <summary>Sends an import order and a payment whose amount disagrees (1 yuan) as the enterprise, through the API.</summary>
    public static async Task<Sale> SendMismatchingSaleAsync(HttpClient client, EnterpriseSummary sender)
    {
        var sale = NewSale();
        var order = Order(sale, sender);
        var payment = sale.ImportPayment(h => (h.AmountPaid, h.EbpCode) = (1m, sender.Uscc));
        (payment.BaseTransfer.CopCode, payment.Guid) = (sender.CustomsCode, CebMessage.NewGuid());
        foreach (var message in new CebMessage[] { order, payment })
        {
            var response = await Messages.PostAsync(client, Messages.Bytes(message));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var receipt = await response.Content.ReadAsStringAsync();
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
    public static Silkgate.Ceb.Import.Ceb311Message Order(Sale sale, EnterpriseSummary sender, string? copCode = null)
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
