using Silkgate.Ceb.Dxp;

namespace Silkgate.Ceb.Reading;

/// <summary>Outcome of reading a document: a refusal (limits, DTD, not XML, unknown root) or a model with the XSD-level problems found on the way.</summary>
public sealed class CebReadResult
{
    internal CebReadResult(CebMessageType? type, CebMessage? message, DxpEnvelope? envelope, IReadOnlyList<CebProblem> problems, CebReadFailure? failure, string? detail)
    {
        MessageType = type;
        Message = message;
        Envelope = envelope;
        Problems = problems;
        Failure = failure;
        FailureDetail = detail;
    }

    /// <summary>Set when the document was refused; nothing else is then meaningful.</summary>
    public CebReadFailure? Failure { get; }
    public string? FailureDetail { get; }
    public CebMessageType? MessageType { get; }
    /// <summary>The business message (null for envelopes and refusals).</summary>
    public CebMessage? Message { get; }
    /// <summary>The DXP envelope when the root is <c>DxpMsg</c> or <c>DxpMsgSv</c>.</summary>
    public DxpEnvelope? Envelope { get; }
    /// <summary>XSD-level problems (empty when the document is schema-valid).</summary>
    public IReadOnlyList<CebProblem> Problems { get; }
    public bool IsRefused => Failure is not null;
    /// <summary>True when the document was read and satisfies the official XSD.</summary>
    public bool IsSchemaValid => Failure is null && Problems.Count == 0;

    internal static CebReadResult Refused(CebReadFailure failure, string detail) => new(null, null, null, [], failure, detail);
}
