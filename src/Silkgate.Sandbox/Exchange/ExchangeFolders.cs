namespace Silkgate.Sandbox.Exchange;

/// <summary>
/// The customs side of the directory exchange: reads <c>to-customs/*.xml</c>, writes answers to <c>from-customs/</c>
/// as <c>.name.tmp</c> (flushed to disk) renamed to <c>name.xml</c>, and keeps processed inputs in <c>sandbox/done/</c>.
/// </summary>
internal sealed class ExchangeFolders
{
    public ExchangeFolders(string root)
    {
        Root = Path.GetFullPath(root);
        Inbox = Path.Combine(Root, "to-customs");
        Outbox = Path.Combine(Root, "from-customs");
        State = Path.Combine(Root, "sandbox");
        Done = Path.Combine(State, "done");
        foreach (var dir in new[] { Inbox, Outbox, State, Done })
        {
            Directory.CreateDirectory(dir);
        }
    }

    public string Root { get; }
    public string Inbox { get; }
    public string Outbox { get; }
    public string State { get; }
    public string Done { get; }
    public string StateFile => Path.Combine(State, "state.db");

    /// <summary>Complete input files, oldest name first; half-written <c>.tmp</c> files are never listed.</summary>
    public IReadOnlyList<string> PendingInputs() =>
        Directory.EnumerateFiles(Inbox, "*.xml")
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Writes an answer atomically: a reader sees the whole file or nothing.</summary>
    public void WriteAnswer(string fileName, byte[] content)
    {
        var target = Path.Combine(Outbox, fileName);
        var temp = Path.Combine(Outbox, "." + Path.GetFileNameWithoutExtension(fileName) + ".tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>Moves a processed input out of the inbox (only after its answers and state are durable).</summary>
    public void Retire(string inputPath)
    {
        var target = Path.Combine(Done, Path.GetFileName(inputPath));
        File.Move(inputPath, target, overwrite: true);
    }
}
