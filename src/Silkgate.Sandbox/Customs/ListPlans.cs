using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Silkgate.Sandbox.State;

namespace Silkgate.Sandbox.Customs;

/// <summary>
/// Chooses a list's path from the seed and the list's guid: the same list under the same seed always takes the same
/// path, and over many lists the shares come out close to the configured ones (the hash is uniform).
/// </summary>
internal static class ListPlans
{
    public static string Choose(SandboxOptions options, string listGuid, bool import)
    {
        var u = Uniform(options.Seed, listGuid);
        if ((u -= options.RejectShare) < 0)
        {
            return ListPlan.Reject;
        }
        if ((u -= options.ManualReviewShare) < 0)
        {
            return ListPlan.ManualReview;
        }
        if ((u -= options.InspectionShare) < 0)
        {
            // Export list receipts know no inspection status: customs holds them for review instead.
            return import ? ListPlan.Inspection : ListPlan.ManualReview;
        }
        return ListPlan.Normal;
    }

    /// <summary>A number in [0, 1) derived from the seed and the guid.</summary>
    internal static double Uniform(int seed, string guid)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{guid.ToUpperInvariant()}"));
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }
}
