using Microsoft.Extensions.Options;
using Silkgate.Clearance.Declarations;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>The gateway's document decoder with the tests' personal-data key, for tests that need no database.</summary>
internal static class Decoding
{
    public static readonly DocumentDecoder Decoder = new(new PersonalData(Options.Create(new PrivacyOptions { HashKey = PlatformHost.PrivacyHashKey })));
}
