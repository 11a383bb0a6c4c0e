using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Access;
using Silkgate.Simulation;

namespace Silkgate.Server.Demo;

/// <summary>
/// Gives a trading demo enterprise what a real one sets up before it declares: a registered signing certificate and a
/// deposited key, so that the platform signs its messages for customs. Done through the signing use cases
/// (<see cref="ISigningAdmin"/>) as the enterprise's administrator, exactly as the REST API and the portal do it; the
/// deposit is sealed with the platform master key (the public demo key in demo mode).
/// </summary>
internal sealed class DemoSigningIdentities(IServiceProvider services, TimeProvider clock)
{
    /// <summary>Validity of a demo certificate from a day before the enterprise's registration.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(5 * 365);

    /// <summary>Registers and deposits an identity unless the enterprise has a deposited key in force; true when one was made.</summary>
    public async Task<bool> EnsureAsync(Actor sender, SimEnterprise enterprise, CancellationToken ct)
    {
        var enterpriseId = sender.EnterpriseId ?? throw new InvalidOperationException($"Demo sender {enterprise.Code} has no enterprise.");
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SeedActorContext>().Current =
            sender with { UserId = 0, Name = "demo", Role = Role.EnterpriseAdmin, ApiKeyId = null };
        var signing = scope.ServiceProvider.GetRequiredService<ISigningAdmin>();

        var keys = Require(await signing.ListKeysAsync(enterpriseId, ct), enterprise, "list its keys");
        if (keys.Items.Any(k => k.Status == SigningStatus.Active))
        {
            return false;
        }

        var from = clock.GetUtcNow().AddDays(-1);
        var identity = DemoSigningKey.Create(enterprise.NameZh, enterprise.Uscc ?? enterprise.Code, from, from + Validity);
        Require(await signing.RegisterCertificateAsync(enterpriseId, identity.CertificatePem, ct), enterprise, "register its certificate");
        Require(await signing.DepositKeyAsync(enterpriseId, identity.Pkcs12, identity.Password, ct), enterprise, "deposit its key");
        return true;
    }

    private static T Require<T>(Silkgate.Kernel.Errors.Result<T> result, SimEnterprise enterprise, string what) => result.IsSuccess
        ? result.Value!
        : throw new InvalidOperationException(
            $"Demo enterprise {enterprise.Code} could not {what}: {string.Join("; ", result.Errors.Select(p => $"{p.Field}: {p.Message}"))}");
}
