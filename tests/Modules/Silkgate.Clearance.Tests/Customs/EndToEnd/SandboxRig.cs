using System.Net;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Ceb;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Tests.Signing;
using Silkgate.Clearance.Tests.Support;
using Silkgate.Kernel.Data;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Customs.EndToEnd;

/// <summary>
/// The whole way to customs and back on one host: the gateway takes a sale from an enterprise system, matching makes it
/// ready, the sender signs it with the enterprise's deposited key and writes it to the directory transport, the in-process
/// customs sandbox answers, the receiver applies the answers. Nothing here is a test double; the sandbox runs with short
/// delays and the shares a test class asks for.
/// </summary>
internal sealed class SandboxRig
{
    private static readonly ConditionalWeakTable<PlatformHost, SandboxRig> Hosts = new();
    private readonly PlatformHost _host;

    private SandboxRig(PlatformHost host, SandboxShares shares)
    {
        _host = host;
        Signing = SigningHarness.For(host);
        var s = host.Settings;
        s["Customs:Sandbox:Enabled"] = "true";
        s["Customs:Sandbox:PollInterval"] = "00:00:00.050";
        s["Customs:Sandbox:ExamineAfter"] = "00:00:00.100";
        s["Customs:Sandbox:ReleaseAfter"] = "00:00:00.200";
        s["Customs:Sandbox:CloseAfter"] = shares.KeepReleased ? "01:00:00" : "00:00:00.300";
        s["Customs:Sandbox:HoldFor"] = "00:00:00.200";
        s["Customs:Sandbox:SummaryAfter"] = "00:00:00.100";
        s["Customs:Sandbox:RejectShare"] = Share(shares.Reject);
        s["Customs:Sandbox:ManualReviewShare"] = Share(shares.ManualReview);
        s["Customs:Sandbox:InspectionShare"] = Share(shares.Inspection);
        s["Clearance:Customs:Sending:PollMilliseconds"] = "100";
        s["Clearance:Customs:Sending:BaseDelaySeconds"] = "1";
        s["Clearance:Customs:Receiving:PollMilliseconds"] = "100";
    }

    public SigningHarness Signing { get; }

    public GatewayHarness Gateway => Signing.Gateway;

    public string Exchange => Path.Combine(_host.DataDirectory, "customs-exchange");

    public static SandboxRig For(PlatformHost host, SandboxShares shares) => Hosts.GetValue(host, h => new SandboxRig(h, shares));

    /// <summary>An approved enterprise with an API key and a deposited SM2 key: the platform signs for it.</summary>
    public async Task<(Sender Sender, HttpClient System)> NewEnterpriseAsync()
    {
        var (sender, key) = await Gateway.NewSenderAsync();
        await Signing.DepositAsync(sender, SigningHarness.NewSm2());
        return (sender, _host.CreateClientWithKey(key));
    }

    /// <summary>A sale whose buyer has a valid identity number (the gateway checks its check character).</summary>
    public static Sale NewSale(CebDirection direction, string mode)
    {
        // 17 characters: the import list's copNo ("COP" + order number) must stay within its 20.
        var sale = new Sale(direction, mode, "E2E" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant());
        var stem = sale.BuyerId[..17];
        sale.BuyerId = stem + Silkgate.Ceb.Validation.Identifiers.ResidentIdCheckCharacter(stem)!.Value;
        return sale;
    }

    /// <summary>
    /// Sends each message as the enterprise, acting as platform and e-commerce enterprise of the sale (its own USCC in place
    /// of the builder's fixed codes, which the gateway's check-character test refuses), and asserts every entity was
    /// accepted for declaration (status 2).
    /// </summary>
    public static async Task SendAsync(HttpClient system, Sender sender, params CebMessage[] messages)
    {
        foreach (var message in messages)
        {
            SetSender(message, sender.CustomsCode);
            message.Guid = CebMessage.NewGuid(); // the samples share one message guid, which the gateway would answer as a replay
            var xml = System.Text.Encoding.UTF8.GetString(Messages.Bytes(message))
                .Replace(Sale.EbpCode, sender.Uscc, StringComparison.Ordinal).Replace(SampleEbcCode, sender.Uscc, StringComparison.Ordinal);
            // The samples carry a placeholder signature; this enterprise signs nothing itself, the platform signs with its deposited key.
            xml = System.Text.RegularExpressions.Regex.Replace(xml, "<ds:Signature[ >].*?</ds:Signature>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
            using var response = await Messages.PostAsync(system, System.Text.Encoding.UTF8.GetBytes(xml));
            var receipt = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, receipt);
            var statuses = Messages.Statuses(Messages.Parse(receipt));
            Assert.True(statuses.Count > 0 && statuses.All(x => x.Status == "2"), $"{message.MessageType.RootName}: {receipt}");
        }
    }

    private const string SampleEbcCode = "91330100MA2CFK4Q7A";

    // The generated models share no base type for BaseTransfer (export and import differ); both have CopCode.
    private static void SetSender(CebMessage message, string copCode)
    {
        var transfer = message.GetType().GetProperty("BaseTransfer")!.GetValue(message)!;
        transfer.GetType().GetProperty("CopCode")!.SetValue(transfer, copCode);
    }

    /// <summary>The id of the sale's document of this kind (an export waybill carries no order number: found by its logistics number).</summary>
    public async Task<long> DocumentIdAsync(Sale sale, CebDocumentKind kind)
    {
        var (orderNo, direction) = (sale.OrderNo, sale.Direction);
        await using var connection = await _host.Services.GetRequiredService<Database>().OpenAsync(default);
        var rows = (await connection.QueryAsync<(long Id, string Kind, string Direction)>(
            "SELECT id, kind, direction FROM clearance_documents WHERE order_no = @orderNo OR logistics_no = @logisticsNo",
            new { orderNo, logisticsNo = sale.LogisticsNo })).ToList();
        var code = direction == CebDirection.Import ? "I" : "E";
        var match = rows.Where(r => r.Kind == kind.ToString() && r.Direction == code).ToList();
        Assert.True(match.Count == 1, $"one {kind} of order {orderNo} expected; found {string.Join(", ", rows)}");
        return match[0].Id;
    }

    public async Task<DocumentCustomsStatus> StatusAsync(long documentId) =>
        (await _host.Services.GetRequiredService<ICustomsRecords>().DocumentStatusAsync(documentId, default))!;

    /// <summary>Waits until the document reaches one of <paramref name="statuses"/>; fails with what it saw after the timeout.</summary>
    public async Task<DocumentCustomsStatus> WaitForAsync(long documentId, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        DocumentCustomsStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await StatusAsync(documentId);
            if (statuses.Contains(last.Status, StringComparer.Ordinal))
            {
                return last;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"document {documentId} did not reach {string.Join("/", statuses)}; last seen {last}; {await ExchangeStateAsync()}");
        return last!;
    }

    /// <summary>The electronic tax bills customs issued for an import list, waiting a little for them to arrive.</summary>
    public async Task<IReadOnlyList<TaxBill>> TaxBillsAsync(string invtNo)
    {
        var records = _host.Services.GetRequiredService<ICustomsRecords>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IReadOnlyList<TaxBill> bills;
        while ((bills = await records.TaxBillsAsync(invtNo, default)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return bills;
    }

    /// <summary>The customs receipts applied to a document, oldest first: (receipt type, returnStatus).</summary>
    public async Task<IReadOnlyList<(string Type, string Status)>> ReceiptsAsync(long documentId)
    {
        await using var connection = await _host.Services.GetRequiredService<Database>().OpenAsync(default);
        var rows = await connection.QueryAsync<(string, string)>(
            "SELECT receipt_type, return_status FROM clearance_document_receipts WHERE document_id = @documentId ORDER BY id", new { documentId });
        return rows.ToList();
    }

    /// <summary>How many entries the queue towards customs holds for a document (one per message sent).</summary>
    public async Task<long> QueuedAsync(long documentId)
    {
        await using var connection = await _host.Services.GetRequiredService<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clearance_customs_queue WHERE document_id = @documentId", new { documentId });
    }

    /// <summary>The zone a queue entry is counted in (the zone's exchange page): its sale's zone.</summary>
    public async Task<string?> QueuedZoneAsync(long documentId)
    {
        await using var connection = await _host.Services.GetRequiredService<Database>().OpenAsync(default);
        return await connection.ExecuteScalarAsync<string?>("SELECT zone_code FROM clearance_customs_queue WHERE document_id = @documentId", new { documentId });
    }

    private async Task<string> ExchangeStateAsync()
    {
        await using var connection = await _host.Services.GetRequiredService<Database>().OpenAsync(default);
        var queue = await connection.QueryAsync<(string, string, string?)>("SELECT message_type, state, last_error FROM clearance_customs_queue");
        var files = Directory.Exists(Exchange) ? Directory.GetFiles(Exchange, "*", SearchOption.AllDirectories).Select(Path.GetFileName) : [];
        return $"queue [{string.Join("; ", queue)}] files [{string.Join(", ", files)}]";
    }

    private static string Share(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record SandboxShares(double Reject = 0, double ManualReview = 0, double Inspection = 0, bool KeepReleased = false);
