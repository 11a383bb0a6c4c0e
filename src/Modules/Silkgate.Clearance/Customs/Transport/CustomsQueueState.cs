namespace Silkgate.Clearance.Customs.Transport;

/// <summary>State of an entry of <c>clearance_customs_queue</c>.</summary>
internal enum CustomsQueueState
{
    /// <summary>Waiting to be sent, or to be tried again after a transport failure.</summary>
    Pending,

    /// <summary>Handed to the transport and confirmed; the document is marked sent to customs.</summary>
    Sent,

    /// <summary>Cannot be sent as it is (e.g. the signer refused); waits for an administrator's retry.</summary>
    Failed,
}

/// <summary>An entry due for sending.</summary>
internal sealed record CustomsQueueEntry(long Id, long DocumentId, long EnterpriseId, string MessageType, string MessageGuid, byte[] Message, long Attempts);
