using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Receipts;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Customs;

/// <summary>What a customs desk works with while it handles one message or one timer: the transaction, the clock, and the
/// outbox its answers go to (written with the state, in the same commit).</summary>
internal sealed class CustomsContext(SandboxUnit unit, SandboxOptions options, DateTimeOffset now, string platformDxp)
{
    private readonly List<string> _notes = [];

    public SandboxUnit Unit { get; } = unit;
    public SandboxOptions Options { get; } = options;
    public DateTimeOffset Now { get; } = now;
    public long NowMs => Now.ToUnixTimeMilliseconds();
    /// <summary>China time, the clock of every time field customs writes.</summary>
    public DateTimeOffset ChinaNow => CustomsNumbers.ChinaTime(Now);
    public string PlatformDxp { get; } = platformDxp;
    /// <summary>What happened, one line per answer, for the log and the CLI.</summary>
    public IReadOnlyList<string> Notes => _notes;

    public CebReceiptResult Result(string status, string info, IReadOnlyDictionary<string, string>? values = null) =>
        new(status, Truncate(info), ChinaNow.DateTime, values);

    /// <summary>Queues an answer to the platform that declared, due now or after <paramref name="delay"/>.</summary>
    /// <param name="from">The customs side that answers (import or export); by default the direction of the message.</param>
    public void Emit(CebMessage message, string note, TimeSpan delay = default, string? toDxp = null, CebDirection? from = null)
    {
        ReceiptRepair.DropInvalidOptionalFields(message);
        var sender = Options.CustomsDxpId(from ?? message.MessageType.Direction);
        var envelope = DxpWriter.Wrap(message, sender, [toDxp ?? PlatformDxp], createdAt: ChinaNow.DateTime);
        var file = $"{message.MessageType.RootName}_{message.Guid}.xml";
        Unit.AddToOutbox(file, (Now + delay).ToUnixTimeMilliseconds(), DxpWriter.ToBytes(envelope));
        _notes.Add($"{message.MessageType.RootName} {note}");
    }

    public long NextSerial(string name) => Unit.Next(name);

    public string NewPreNo() => CustomsNumbers.PreNo(ChinaNow, NextSerial("preNo"));

    private static string Truncate(string info) => info.Length <= 1000 ? info : info[..997] + "...";
}
