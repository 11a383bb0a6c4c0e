namespace Silkgate.Clearance.Customs.Transport;

/// <summary>Which transport carries envelopes to and from customs (<c>Clearance:Customs:Transport</c>).</summary>
internal enum CustomsTransportKind
{
    /// <summary>DXP-client style folders <c>to-customs</c> and <c>from-customs</c> under a root.</summary>
    Directory,

    /// <summary>RabbitMQ queues.</summary>
    Amqp,
}

/// <summary>Configuration section <c>Clearance:Customs</c>.</summary>
internal sealed class CustomsTransportOptions
{
    public const string Section = "Clearance:Customs";

    /// <summary>The platform's default DXP id (agreed with the sandbox and the other helpers).</summary>
    public const string DefaultDxpId = "DXPSILKGATE00001";

    public CustomsTransportKind Transport { get; set; } = CustomsTransportKind.Directory;

    /// <summary>The platform's DXP node id, written as <c>SenderId</c> of every envelope.</summary>
    public string DxpId { get; set; } = DefaultDxpId;

    /// <summary>Receiver for import messages.</summary>
    public string ImportReceiverId { get; set; } = "DXPEDCCEB0000002";

    /// <summary>Receiver for export messages.</summary>
    public string ExportReceiverId { get; set; } = "DXPEDCCEB0000003";

    public DirectoryTransportOptions Directory { get; set; } = new();

    public AmqpTransportOptions Amqp { get; set; } = new();

    public SendingOptions Sending { get; set; } = new();

    public ReceivingOptions Receiving { get; set; } = new();
}

/// <summary><c>Clearance:Customs:Directory</c>.</summary>
internal sealed class DirectoryTransportOptions
{
    /// <summary>Root of the exchange; empty means <c>{Database:DataDirectory}/customs-exchange</c>.</summary>
    public string? Root { get; set; }
}

/// <summary><c>Clearance:Customs:Amqp</c>.</summary>
internal sealed class AmqpTransportOptions
{
    public string Uri { get; set; } = "amqp://guest:guest@localhost:5672/";

    public string ToCustomsQueue { get; set; } = "silkgate.to-customs";

    public string FromCustomsQueue { get; set; } = "silkgate.from-customs";

    /// <summary>Where unreadable answers from customs go, with the reason in the <c>x-silkgate-reason</c> header.</summary>
    public string RejectedQueue { get; set; } = "silkgate.from-customs.rejected";

    /// <summary>Seconds between reconnection attempts after the broker went away.</summary>
    public int RecoverySeconds { get; set; } = 5;
}

/// <summary><c>Clearance:Customs:Sending</c>: retries of the sender. Attempts are unlimited: an outage delays, never loses.</summary>
internal sealed class SendingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>First retry delay; each further failure doubles it up to <see cref="MaxDelaySeconds"/>.</summary>
    public double BaseDelaySeconds { get; set; } = 2;

    public double MaxDelaySeconds { get; set; } = 300;

    /// <summary>How long an entry taken for sending is reserved for this node before another may take it (a crashed node's entries come back).</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Fallback poll when no enqueue signal arrived.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    public int BatchSize { get; set; } = 50;
}

/// <summary><c>Clearance:Customs:Receiving</c>.</summary>
internal sealed class ReceivingOptions
{
    public bool Enabled { get; set; } = true;

    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Largest envelope taken; larger ones are rejected.</summary>
    public long MaxEnvelopeBytes { get; set; } = 16L * 1024 * 1024;
}
