using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Transport;

/// <summary>Wakes the sender when something was enqueued or retried, so it does not wait for its next poll.</summary>
internal sealed class CustomsSignal : WakeSignal;
