namespace Silkgate.Clearance.Declarations;

/// <summary>Where a document stands on the platform (stored by name in <c>clearance_documents.status</c>).</summary>
internal enum DocumentStatus
{
    /// <summary>appStatus 1: kept on the platform, not declared.</summary>
    Saved,

    /// <summary>appStatus 2: accepted for declaration, waiting to go to customs.</summary>
    Declared,

    /// <summary>Deleted by appType 3 before it went to customs.</summary>
    Deleted,

    /// <summary>Sent to customs by the exchange; from then on only customs' own procedures (cancel, return) change it.</summary>
    SentToCustoms,
}

/// <summary>What the index knows about the current version of a document.</summary>
internal sealed record StoredDocumentState(long Id, DocumentStatus Status, string AppTime, long Version, long? SaleId);
