namespace Silkgate.Clearance.Declarations;

/// <summary>Where a document stands, on the platform and then at customs (stored by name in <c>clearance_documents.status</c>;
/// the customs code of the last applied receipt is kept beside it in <c>customs_status</c>).</summary>
internal enum DocumentStatus
{
    /// <summary>appStatus 1: kept on the platform, not declared.</summary>
    Saved,

    /// <summary>appStatus 2: accepted for declaration, waiting to go to customs.</summary>
    Declared,

    /// <summary>Deleted by appType 3 before it went to customs.</summary>
    Deleted,

    /// <summary>Handed to the customs queue (customs 2, declaring); from then on only customs' own procedures change it.</summary>
    SentToCustoms,

    /// <summary>Customs 3: the e-port sent it to customs.</summary>
    Sent,

    /// <summary>Customs 4: the e-port could not send it.</summary>
    SendFailed,

    /// <summary>A negative return status: customs' processing refused the message (the code says why).</summary>
    ProcessingError,

    /// <summary>Customs 100 (退单): rejected; the enterprise may correct it and declare again as a change.</summary>
    Rejected,

    /// <summary>Customs 120: entered into customs' system.</summary>
    Entered,

    /// <summary>Customs 300: waiting for manual review.</summary>
    ManualReview,

    /// <summary>Customs 399 (审结): examined.</summary>
    Examined,

    /// <summary>Customs 500: selected for physical inspection (查验).</summary>
    Inspection,

    /// <summary>Customs 501, 502, 503, 599: detained (扣留).</summary>
    Detained,

    /// <summary>Customs 700 (退运): sent back.</summary>
    Returned,

    /// <summary>Customs 800 (放行): released.</summary>
    Released,

    /// <summary>Customs 899 (结关): closed.</summary>
    Closed,

    /// <summary>A list whose cancellation (605/623) customs approved.</summary>
    Cancelled,

    /// <summary>A list whose return (213/625) customs approved: the goods came back.</summary>
    GoodsReturned,
}

/// <summary>What the index knows about the current version of a document.</summary>
internal sealed record StoredDocumentState(long Id, DocumentStatus Status, string AppTime, long Version, long? SaleId);
