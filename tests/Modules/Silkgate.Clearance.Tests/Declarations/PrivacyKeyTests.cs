using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Clearance.Declarations;
using Silkgate.Kernel.Modules;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Declarations;

/// <summary>
/// The privacy hash key keys the buyer ledger, so each installation needs its own and must keep it: production mode
/// refuses to start without one, demo mode runs on the documented demo key.
/// </summary>
public sealed class PrivacyKeyTests
{
    [Theory]
    [InlineData("", "is not set")]
    [InlineData(PrivacyOptions.DemoHashKey, "published demo key")]
    [InlineData("too-short-a-secret", "shorter than 32 characters")]
    public async Task Production_mode_refuses_to_start_without_a_key_of_its_own_and_names_the_setting(string key, string reason)
    {
        await using var host = new SqliteHost();
        host.Settings["Clearance:Privacy:HashKey"] = key;

        var refused = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var message = string.Join(" | ", Messages(refused));
        Assert.Contains("Clearance:Privacy:HashKey", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_mode_starts_without_a_key_and_hashes_with_the_documented_demo_key()
    {
        await using var host = new SqliteHost();
        host.Settings["Platform:Mode"] = nameof(PlatformMode.Demo);
        host.Settings["Clearance:Privacy:HashKey"] = "";

        using var client = host.CreateClient();
        var hash = host.Services.GetRequiredService<PersonalData>().IdNumber("330102199001011234")!.Hash;

        Assert.Equal(Expected(PrivacyOptions.DemoHashKey, "330102199001011234"), hash);
    }

    [Fact]
    public async Task Production_mode_hashes_with_the_installations_key()
    {
        await using var host = new SqliteHost();

        using var client = host.CreateClient();
        var hash = host.Services.GetRequiredService<PersonalData>().IdNumber("330102199001011234")!.Hash;

        Assert.Equal(Expected(PlatformHost.PrivacyHashKey, "330102199001011234"), hash);
    }

    private static string Expected(string key, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value)));

    private static IEnumerable<string> Messages(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x.Message;
        }
    }
}
