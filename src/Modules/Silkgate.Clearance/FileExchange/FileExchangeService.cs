using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Gateway;
using Silkgate.Clearance.Ingest;
using Silkgate.Clearance.Outbox;
using Silkgate.Kernel.Access;
using Silkgate.Registry.Contracts;

namespace Silkgate.Clearance.FileExchange;

/// <summary>
/// DXP-style file exchange: scans <c>{root}/{code}/in/*.xml</c> (a file-system watcher wakes it early), submits each settled
/// file as if its enterprise had posted it, writes the receipt to <c>out/{name}.receipt.xml</c> (temp name, then atomic
/// rename) and moves the input to <c>in/processed</c> or <c>in/failed</c>.
/// </summary>
internal sealed partial class FileExchangeService(
    ExchangeFolders folders, MessageGateway gateway, IServiceScopeFactory scopes, IOptions<FileExchangeOptions> options,
    IOptions<GatewayOptions> gatewayOptions, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<FileExchangeService> logger) : BackgroundService
{
    private readonly Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (EnterpriseSummary? Enterprise, long Until)> _enterprises = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await OutboxDispatcher.WhenStartedAsync(lifetime, stoppingToken);
        Directory.CreateDirectory(folders.Root);
        using var watcher = new FileSystemWatcher(folders.Root, "*.xml") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.LastWrite };
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Changed += (_, _) => Wake();
        watcher.EnableRaisingEvents = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                LogScanFailed(logger, e);
            }

            try
            {
                await _wake.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>One pass over every enterprise folder; a file is taken once it has kept its size and time for the settle period.</summary>
    public async Task ScanOnceAsync(CancellationToken ct)
    {
        if (!Directory.Exists(folders.Root))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(folders.Root))
        {
            var inbox = ExchangeFolders.In(folder);
            if (!Directory.Exists(inbox))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(inbox, "*.xml").Order(StringComparer.Ordinal))
            {
                present.Add(file);
                var info = new FileInfo(file);
                var state = (info.Length, info.LastWriteTimeUtc);
                var settled = _seen.TryGetValue(file, out var before) && before == state
                    && (now - info.LastWriteTimeUtc).TotalMilliseconds >= options.Value.SettleMilliseconds;
                _seen[file] = state;
                if (!settled)
                {
                    continue;
                }

                var enterprise = await EnterpriseAsync(Path.GetFileName(folder), ct);
                if (enterprise is not { Status: EnterpriseStatus.Approved })
                {
                    continue;
                }

                await ProcessAsync(folder, info, enterprise.Id, ct);
                _seen.Remove(file);
            }
        }

        foreach (var gone in _seen.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _seen.Remove(gone);
        }
    }

    private async Task ProcessAsync(string folder, FileInfo file, long enterpriseId, CancellationToken ct)
    {
        if (file.Length > gatewayOptions.Value.MaxMessageBytes)
        {
            await FailAsync(folder, file, $"gateway.too-large: the file has {file.Length} bytes; at most {gatewayOptions.Value.MaxMessageBytes} are accepted.", ct);
            return;
        }

        var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
        switch (await gateway.SubmitAsync(bytes, enterpriseId, null, IngestChannel.File, ct))
        {
            case Submission.Answered a:
                var outbox = ExchangeFolders.Out(folder);
                Directory.CreateDirectory(outbox);
                var target = Path.Combine(outbox, file.Name + ".receipt.xml");
                var temp = target + ".tmp";
                await File.WriteAllBytesAsync(temp, a.Answer.Receipt.Bytes, ct);
                File.Move(temp, target, overwrite: true);
                MoveTo(file, ExchangeFolders.Processed(folder));
                break;
            case Submission.Forbidden f:
                await using (var scope = scopes.CreateAsyncScope())
                {
                    if (scope.ServiceProvider.GetService<IAuditTrail>() is { } audit)
                    {
                        await audit.RecordAsync(new AuditEntry("clearance.message.receive", $"ceb:{f.MessageType}:{f.Guid}", AuditOutcome.Denied,
                            $"file {file.Name}: {f.Refusal.Code}: {f.Refusal.Reason}"), ct);
                    }
                }

                await FailAsync(folder, file, $"{f.Refusal.Code}: {f.Refusal.Reason}", ct);
                break;
            default:
                // Not stored: the file stays in in/ and is tried again on a later scan.
                break;
        }
    }

    /// <summary>Writes the reason first and then moves the input, so that a file seen in failed/ always has its reason beside it.</summary>
    private static async Task FailAsync(string folder, FileInfo file, string reason, CancellationToken ct)
    {
        var target = Target(file, ExchangeFolders.Failed(folder));
        await File.WriteAllTextAsync(target + ".reason.txt", reason, ct);
        File.Move(file.FullName, target);
    }

    private static void MoveTo(FileInfo file, string folder) => File.Move(file.FullName, Target(file, folder));

    private static string Target(FileInfo file, string folder)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, file.Name);
        return File.Exists(target)
            ? Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file.Name)}.{Guid.NewGuid():N}{file.Extension}")
            : target;
    }

    private async Task<EnterpriseSummary?> EnterpriseAsync(string code, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (_enterprises.TryGetValue(code, out var cached) && cached.Until > now)
        {
            return cached.Enterprise;
        }

        await using var scope = scopes.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>().FindByCodeAsync(code, ct);
        _enterprises[code] = (found, now + (gatewayOptions.Value.SenderCacheSeconds * 1000L));
        return found;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "File exchange scan failed; it is retried")]
    private static partial void LogScanFailed(ILogger logger, Exception e);
}
