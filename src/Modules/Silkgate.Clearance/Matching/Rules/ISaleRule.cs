using Silkgate.Ceb;
using Silkgate.Clearance.Declarations;
using Silkgate.Kernel.Values;

namespace Silkgate.Clearance.Matching.Rules;

/// <summary>One check between the documents of a sale, named as the sentence it enforces. Pure: it reads the
/// documents present and adds a <see cref="Mismatch"/> per disagreeing field; absent documents are not its business.</summary>
internal interface ISaleRule
{
    string Name { get; }

    void Check(SaleDocuments sale, MatchingOptions options, List<Mismatch> found);
}

/// <summary>Comparison helpers shared by the rules.</summary>
internal static class RuleKit
{
    public static void Amounts(List<Mismatch> found, string rule, string field, long? a, long? b, CebDocumentKind kindA, CebDocumentKind kindB, MatchingOptions options)
    {
        if (a is null && b is null)
        {
            return;
        }

        var tolerance = Amount.FromDecimal(options.AmountTolerance).Units;
        if (a is null || b is null || Math.Abs(a.Value - b.Value) > tolerance)
        {
            found.Add(new Mismatch(rule, field, Yuan(a), Yuan(b), kindA, kindB));
        }
    }

    public static void Texts(List<Mismatch> found, string rule, string field, string? a, string? b, CebDocumentKind kindA, CebDocumentKind kindB)
    {
        if (!string.Equals(a, b, StringComparison.Ordinal))
        {
            found.Add(new Mismatch(rule, field, a, b, kindA, kindB));
        }
    }

    /// <summary>Personal data: equal when the keyed hashes are equal; reported with masked values only.</summary>
    public static void People(List<Mismatch> found, string rule, string field, ProtectedText? a, ProtectedText? b, CebDocumentKind kindA, CebDocumentKind kindB)
    {
        if (a?.Hash != b?.Hash)
        {
            found.Add(new Mismatch(rule, field, a?.Masked, b?.Masked, kindA, kindB));
        }
    }

    public static string? Yuan(long? units) => units is { } u ? new Amount(u).ToString() : null;
}
