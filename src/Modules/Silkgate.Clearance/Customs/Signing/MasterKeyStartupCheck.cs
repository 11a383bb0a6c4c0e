using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Silkgate.Clearance.Customs.Signing;

/// <summary>
/// Refuses to start a platform that holds deposited keys but has no master key to open them (production mode without
/// <c>Clearance:Signing:MasterKey</c>): better a clear start-up failure than signing that fails at send time. Runs after
/// every hosted service started, hence after the migrations.
/// </summary>
internal sealed class MasterKeyStartupCheck(IServiceScopeFactory scopes, MasterKey master, ILogger<MasterKeyStartupCheck> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (master.IsDemo)
        {
            logger.LogWarning("Deposited signing keys are sealed with the public demo master key; configure Clearance:Signing:MasterKey outside the demo");
        }

        if (master.IsConfigured)
        {
            return;
        }

        long deposits;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            deposits = await scope.ServiceProvider.GetRequiredService<KeyDepositStore>().CountActiveAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException e)
        {
            // A database that is down must not stop the server (health answers 503 until it is back); without a master
            // key the signer refuses every deposited key anyway, so nothing is signed wrongly meanwhile.
            logger.LogWarning(e, "Could not count deposited signing keys at start-up; without Clearance:Signing:MasterKey none of them can be used");
            return;
        }

        if (deposits > 0)
        {
            throw new InvalidOperationException(
                $"{deposits} deposited signing key(s) exist but no master key is configured: set Clearance:Signing:MasterKey (Base64 of 32 bytes) to the key they were sealed with.");
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
