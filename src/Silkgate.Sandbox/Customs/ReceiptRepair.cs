using System.Collections;
using Silkgate.Ceb;
using Silkgate.Ceb.Validation;

namespace Silkgate.Sandbox.Customs;

/// <summary>
/// Receipts copy keys from the request, and a few keys are looser in the request than in the receipt (an import cancel's
/// <c>invtNo</c> may be up to 18 characters, the receipt's must be exactly 18). An optional copied field that would break
/// the receipt's XSD is left out, so every answer stays schema-valid.
/// </summary>
internal static class ReceiptRepair
{
    public static void DropInvalidOptionalFields(CebMessage receipt)
    {
        foreach (var problem in CebValidator.ValidateSchema(receipt))
        {
            var parts = problem.Path.Split('/');
            if (parts.Length != 2 || problem.Code == "schema.missing-element" || Entity(receipt, parts[0]) is not { } entity)
            {
                continue;
            }
            var original = entity.GetFieldText(parts[1]);
            entity.SetFieldText(parts[1], null);
            if (CebValidator.ValidateSchema(receipt).Any(p => p.Path == problem.Path && p.Code == "schema.missing-element"))
            {
                entity.SetFieldText(parts[1], original); // required after all: keep what the request said
            }
        }
    }

    private static CebEntity? Entity(CebMessage receipt, string step)
    {
        var bracket = step.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? step : step[..bracket];
        var index = bracket < 0 ? 0 : int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture) - 1;
        return receipt.GetType().GetProperty(name)?.GetValue(receipt) switch
        {
            IList list when index < list.Count => list[index] as CebEntity,
            CebEntity single => single,
            _ => null,
        };
    }
}
