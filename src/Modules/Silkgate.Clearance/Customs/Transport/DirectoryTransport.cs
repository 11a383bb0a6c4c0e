using Microsoft.Extensions.Options;
using Silkgate.Kernel.Data;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>
/// DXP-client style folders: writes <c>{root}/to-customs/.{name}.tmp</c>, flushes it to disk and renames it to
/// <c>{name}.xml</c>; takes only <c>{root}/from-customs/*.xml</c> (the other side renames complete files into place),
/// deletes a file once its effect committed and moves bad ones to <c>from-customs/rejected/</c> with a reason file.
/// </summary>
internal sealed class DirectoryTransport(IOptions<CustomsTransportOptions> options, IOptions<DatabaseOptions> database) : ICustomsTransport
{
    public string Root => options.Value.Directory.Root is { Length: > 0 } root
        ? Path.GetFullPath(root)
        : Path.Combine(database.Value.ResolvedDataDirectory, "customs-exchange");

    public string ToCustoms => Path.Combine(Root, "to-customs");

    public string FromCustoms => Path.Combine(Root, "from-customs");

    public string Rejected => Path.Combine(FromCustoms, "rejected");

    public async Task SendAsync(OutgoingEnvelope envelope, CancellationToken ct)
    {
        Directory.CreateDirectory(ToCustoms);
        await WriteAtomicallyAsync(ToCustoms, envelope.Name + ".xml", envelope.Bytes, ct);
    }

    public async Task<IncomingEnvelope?> ReceiveAsync(CancellationToken ct)
    {
        if (!Directory.Exists(FromCustoms))
        {
            return null;
        }

        foreach (var file in Directory.EnumerateFiles(FromCustoms, "*.xml").Order(StringComparer.Ordinal))
        {
            var max = options.Value.Receiving.MaxEnvelopeBytes;
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                continue; // taken by another node meanwhile
            }

            // A too large file is handed over empty, so that the receiver rejects it without reading it into memory.
            var bytes = info.Length > max ? [] : await File.ReadAllBytesAsync(file, ct);
            return new DirectoryEnvelope(this, info, bytes, info.Length > max ? $"the file has {info.Length} bytes; at most {max} are taken" : null);
        }

        return null;
    }

    /// <summary>Temp name in the same folder, data flushed to the disk, an atomic rename over any earlier copy, then the folder flushed.</summary>
    internal static async Task WriteAtomicallyAsync(string folder, string fileName, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        var temp = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(fileName)}.tmp");
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await stream.WriteAsync(bytes, ct);
            await stream.FlushAsync(ct);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(folder, fileName), overwrite: true);
        DirectorySync.Flush(folder);
    }

    private sealed class DirectoryEnvelope(DirectoryTransport transport, FileInfo file, ReadOnlyMemory<byte> bytes, string? tooLarge)
        : IncomingEnvelope(file.Name, bytes, tooLarge)
    {
        public override Task CompleteAsync(CancellationToken ct)
        {
            File.Delete(file.FullName);
            return Task.CompletedTask;
        }

        /// <summary>The reason is written first, so that a file in rejected/ always has its reason beside it.</summary>
        public override async Task RejectAsync(string reason, CancellationToken ct)
        {
            Directory.CreateDirectory(transport.Rejected);
            var target = Path.Combine(transport.Rejected, file.Name);
            if (File.Exists(target))
            {
                target = Path.Combine(transport.Rejected, $"{Path.GetFileNameWithoutExtension(file.Name)}.{Guid.NewGuid():N}.xml");
            }

            await File.WriteAllTextAsync(target + ".reason.txt", reason, ct);
            File.Move(file.FullName, target);
        }

        public override Task AbandonAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
