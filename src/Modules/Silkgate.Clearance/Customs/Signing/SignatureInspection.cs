using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;
using Silkgate.Ceb;
using Silkgate.Clearance.Ingest;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>
/// What the receiving thread noticed about a declaration's signature, for <see cref="SignatureGate"/>: null on
/// <see cref="IncomingMessage"/> for the common unsigned message that needs no signature, so that one costs nothing more.
/// </summary>
/// <param name="SignedPayload">The business message's bytes when it carries a root-level <c>ds:Signature</c>.</param>
/// <param name="RejectionsIfPlatformSigns">For a message that must be signed and is not: the business-check rejections
/// without the missing-signature problem, which apply when the enterprise deposited a key.</param>
internal sealed record SignatureInspection(ReadOnlyMemory<byte>? SignedPayload, IReadOnlyList<EntityRejection?>? RejectionsIfPlatformSigns)
{
    public const string MissingInSchema = "schema.missing-element";
    public const string RequiredByRules = "business.signature-required";

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Properties = new();

    /// <summary>True when the problem is only that the signature is absent (the XSD requires it for 621, 623, 625, 711).</summary>
    public static bool IsMissingSignature(CebProblem problem) =>
        problem.Code == MissingInSchema && problem.Path.EndsWith("Signature", StringComparison.Ordinal) && !problem.Path.Contains('/', StringComparison.Ordinal);

    public static bool IsSignatureRequired(CebProblem problem) => problem.Code == RequiredByRules;

    /// <summary>Whether the message model holds a root-level signature (the generated models expose it as <c>Signature</c>).</summary>
    public static bool IsSigned(CebMessage message) =>
        Properties.GetOrAdd(message.GetType(), t => t.GetProperty("Signature", BindingFlags.Public | BindingFlags.Instance))?.GetValue(message) is XElement;
}
