using System.Text.Json;
using System.Text.Json.Serialization;
using Silkgate.Clearance.Contracts;
using Silkgate.Clearance.Customs.Receipts;

namespace Silkgate.Clearance.Outbox;

/// <summary>
/// The payload of an integration event as every reader of the outbox expects it (the web defaults: camelCase). The
/// module's own events are serialized by code generated at build time; reflection took the single writer about as long
/// as writing the outbox rows.
/// </summary>
internal static class EventJson
{
    public static string Serialize(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return EventJsonContext.Default.GetTypeInfo(payload.GetType()) is { } generated
            ? JsonSerializer.Serialize(payload, generated)
            : JsonSerializer.Serialize(payload, payload.GetType(), JsonSerializerOptions.Web);
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MessageReceived))]
[JsonSerializable(typeof(SaleMatched))]
[JsonSerializable(typeof(SaleReady))]
[JsonSerializable(typeof(ListDeclared))]
[JsonSerializable(typeof(DocumentEnqueued))]
[JsonSerializable(typeof(CustomsStatusChanged))]
[JsonSerializable(typeof(ListCustomsEvent))]
[JsonSerializable(typeof(TaxBillChanged))]
[JsonSerializable(typeof(SummaryResultReceived))]
[JsonSerializable(typeof(ReceiptRelayed))]
internal sealed partial class EventJsonContext : JsonSerializerContext;
