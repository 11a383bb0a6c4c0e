using System.Text.Json;
using Dapper;
using Silkgate.Clearance.FileExchange;
using Silkgate.Kernel.Data;
using Silkgate.Kernel.Modules;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Registry.Contracts;

namespace Silkgate.Clearance.Customs.Receipts;

/// <summary>
/// After commit, writes each relayed customs receipt to the enterprise's exchange out folder
/// (<c>{root}/{code}/out/{ReceiptType}_{documentGuid}_{cursor}.xml</c>, temporary name then rename), for enterprises that
/// use the file exchange (the folder exists). The name is fixed by the feed cursor, so a redelivered event rewrites the
/// same file.
/// </summary>
internal sealed class OutFolderRelay(Database database, ExchangeFolders folders, IServiceProvider services) : IIntegrationEventHandler
{
    public bool CanHandle(string eventType) => eventType == ReceiptRelay.Relayed;

    public async Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken ct)
    {
        var e = JsonSerializer.Deserialize<ReceiptRelayed>(integrationEvent.Payload, JsonSerializerOptions.Web)!;
        if (services.GetService<IEnterpriseDirectory>() is not { } directory || await directory.FindByIdAsync(e.EnterpriseId, ct) is not { } enterprise)
        {
            return;
        }

        var outFolder = new[] { enterprise.Uscc, enterprise.CustomsCode }.OfType<string>()
            .Select(code => ExchangeFolders.Out(Path.Combine(folders.Root, code.ToUpperInvariant()))).FirstOrDefault(Directory.Exists);
        if (outFolder is null)
        {
            return;
        }

        await using var connection = await database.OpenAsync(ct);
        var bytes = await connection.ExecuteScalarAsync<byte[]?>(new CommandDefinition("SELECT receipt_bytes FROM clearance_receipts WHERE id = @id",
            new { id = e.ReceiptId }, cancellationToken: ct));
        if (bytes is null)
        {
            return;
        }

        var name = $"{e.ReceiptType}_{e.DocumentGuid}_{e.ReceiptId}.xml";
        var temp = Path.Combine(outFolder, $".{name}.tmp");
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await file.WriteAsync(bytes, ct);
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(outFolder, name), overwrite: true);
    }
}
