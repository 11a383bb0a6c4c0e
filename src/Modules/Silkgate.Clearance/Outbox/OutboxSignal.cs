namespace Silkgate.Clearance.Ingest;

/// <summary>Wakes the outbox dispatcher after a commit, so events go out without waiting for the next poll.</summary>
internal sealed class OutboxSignal : WakeSignal;
