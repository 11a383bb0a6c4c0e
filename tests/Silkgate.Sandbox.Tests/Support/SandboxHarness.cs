using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Silkgate.Ceb;
using Silkgate.Ceb.Dxp;
using Silkgate.Ceb.Reading;
using Silkgate.Ceb.Signing;
using Silkgate.Ceb.Writing;
using Silkgate.Sandbox.Exchange;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Tests.Support;

/// <summary>An answer the sandbox wrote to <c>from-customs/</c>.</summary>
internal sealed record Answer(string File, byte[] Envelope, DxpMsg Dxp, byte[] Payload, CebMessage Message)
{
    public CebMessageType Type => Message.MessageType;
}

/// <summary>A sandbox over a temporary exchange directory with a fake clock: the platform side of the file contract.</summary>
internal sealed class SandboxHarness : IDisposable
{
    public const string PlatformDxp = "DXPSILKGATE00001";
    private static readonly TestIdentity Ca = TestPki.CreateSm2Ca();
    public static readonly TestIdentity Enterprise = TestPki.IssueSm2(Ca);
    private static readonly CebSigner Signer = new(Enterprise.Credentials);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly bool _ownsRoot;

    public SandboxHarness(Action<SandboxOptions>? configure = null, string? root = null, FakeTimeProvider? time = null)
    {
        _ownsRoot = root is null;
        Root = root ?? Directory.CreateTempSubdirectory("silkgate-sandbox-").FullName;
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        Options = new SandboxOptions { Exchange = Root, RejectShare = 0, ManualReviewShare = 0, InspectionShare = 0 };
        configure?.Invoke(Options);
        Folders = new ExchangeFolders(Root);
        Store = new SandboxStore(Folders.StateFile);
        Engine = new SandboxEngine(Options, Folders, Store, Time, NullLogger<SandboxEngine>.Instance);
    }

    public string Root { get; }
    public FakeTimeProvider Time { get; }
    public SandboxOptions Options { get; }
    public ExchangeFolders Folders { get; }
    public SandboxStore Store { get; }
    public SandboxEngine Engine { get; }

    /// <summary>A second sandbox on the same directory and clock, as after a restart.</summary>
    public SandboxHarness Restart() => new(o => Copy(Options, o), Root, Time);

    /// <summary>Drops a (signed) message into <c>to-customs/</c> as the platform would; returns the file name.</summary>
    public string Send(CebMessage message, bool sign = true, string? receiver = null, string? copMsgId = null)
    {
        var bytes = CebWriter.ToBytes(message);
        return SendPayload(sign ? Signer.Sign(bytes) : bytes, message.MessageType, receiver, copMsgId ?? message.Guid);
    }

    public string SendPayload(byte[] payload, CebMessageType type, string? receiver = null, string? copMsgId = null)
    {
        var envelope = new DxpMsg
        {
            TransInfo = new DxpTransInfo
            {
                CopMsgId = copMsgId ?? CebMessage.NewGuid(),
                SenderId = PlatformDxp,
                ReceiverIds = [receiver ?? Options.CustomsDxpId(type.Direction)],
                CreatTime = "2026-11-22T10:00:00",
                MsgType = type.RootName,
            },
            Data = payload,
        };
        var name = $"{type.RootName}_{envelope.TransInfo.CopMsgId}.xml";
        File.WriteAllBytes(Path.Combine(Folders.Inbox, name), DxpWriter.ToBytes(envelope));
        return name;
    }

    public int Run() => Engine.RunOnce(CancellationToken.None);

    /// <summary>Advances the clock in steps (timers fire in order) and runs a pass after each.</summary>
    public void Advance(TimeSpan by, int steps = 1)
    {
        for (int i = 0; i < steps; i++)
        {
            Time.Advance(by / steps);
            Run();
        }
    }

    /// <summary>Answers written since the last call.</summary>
    public List<Answer> NewAnswers()
    {
        var answers = new List<Answer>();
        foreach (var file in Directory.GetFiles(Folders.Outbox, "*.xml").OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal))
        {
            if (_seen.Add(Path.GetFileName(file)))
            {
                answers.Add(Parse(file));
            }
        }
        return answers;
    }

    public static Answer Parse(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var envelope = CebReader.Read(bytes).Envelope ?? throw new InvalidOperationException($"{file} is not a DXP envelope");
        var read = DxpWriter.ReadPayload(envelope);
        return new Answer(Path.GetFileName(file), bytes, envelope.Message, envelope.Message.Data.ToArray(),
            read.Message ?? throw new InvalidOperationException($"{file}: {read.FailureDetail}"));
    }

    public void Dispose()
    {
        if (_ownsRoot)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void Copy(SandboxOptions from, SandboxOptions to)
    {
        foreach (var p in typeof(SandboxOptions).GetProperties().Where(p => p.CanWrite))
        {
            p.SetValue(to, p.GetValue(from));
        }
    }
}
