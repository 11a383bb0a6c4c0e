using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Import;
using Silkgate.Ceb.Samples;
using Silkgate.Ceb.Writing;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>Test messages and the calls that send them.</summary>
internal static class Messages
{
    public static readonly XNamespace Ceb = CebNamespaces.Ceb;

    /// <summary>An import order message (CEB311) from <paramref name="copCode"/> with <paramref name="entities"/> orders, each with a unique number.</summary>
    public static Ceb311Message Order(string copCode, int entities = 1, string? orderPrefix = null)
    {
        var message = (Ceb311Message)CebSamples.Create(CebMessageType.Ceb311, lines: 2);
        message.Guid = CebMessage.NewGuid();
        message.BaseTransfer.CopCode = copCode;
        message.Order.Clear();
        var prefix = orderPrefix ?? "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        for (var i = 0; i < entities; i++)
        {
            var order = ((Ceb311Message)CebSamples.Create(CebMessageType.Ceb311, lines: 2)).Order[0];
            order.OrderHead.Guid = CebMessage.NewGuid();
            order.OrderHead.OrderNo = prefix + i.ToString(CultureInfo.InvariantCulture);
            message.Order.Add(order);
        }

        return message;
    }

    public static byte[] Bytes(CebMessage message) => CebWriter.ToBytes(message);

    public static byte[] Envelope(CebMessage message) =>
        DxpWriter.ToBytes(DxpWriter.Wrap(message, "DXPENT0000000001", ["DXPEDCCEB0000002"]));

    public static ByteArrayContent Xml(byte[] bytes, string contentType = "application/xml")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, string contentType = "application/xml") =>
        client.PostAsync(new Uri("/api/v1/ceb/messages", UriKind.Relative), Xml(bytes, contentType));

    public static XDocument Parse(string xml) => XDocument.Parse(xml);

    /// <summary>The (returnStatus, returnInfo) of every return entity of a receipt, in order.</summary>
    public static IReadOnlyList<(string Status, string Info)> Statuses(XDocument receipt) =>
        receipt.Root!.Elements()
            .Where(e => e.Element(Ceb + "returnStatus") is not null)
            .Select(e => (e.Element(Ceb + "returnStatus")!.Value, e.Element(Ceb + "returnInfo")?.Value ?? ""))
            .ToList();

    public static string Utf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
