using Silkgate.Clearance.Customs.Transport;

namespace Silkgate.Clearance.Tests.Customs;

/// <summary>A transport in front of the real one that can be taken down (an outage) and that counts what got through.</summary>
internal sealed class FlakyTransport(ICustomsTransport inner) : ICustomsTransport
{
    private readonly List<string> _delivered = [];

    public bool Down { get; set; }

    public int Refused { get; private set; }

    public IReadOnlyList<string> Delivered => _delivered;

    public async Task SendAsync(OutgoingEnvelope envelope, CancellationToken ct)
    {
        if (Down)
        {
            Refused++;
            throw new IOException("the exchange is unreachable (simulated outage)");
        }

        await inner.SendAsync(envelope, ct);
        _delivered.Add(envelope.MessageGuid);
    }

    public Task<IncomingEnvelope?> ReceiveAsync(CancellationToken ct) => inner.ReceiveAsync(ct);
}
