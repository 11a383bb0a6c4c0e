using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Silkgate.Identity.Contracts;
using Xunit.Sdk;

namespace Silkgate.Testing;

/// <summary>
/// Reads the real audit log through its API (<c>/api/v1/identity/audit</c>) as a province admin. On SQLite an entry
/// recorded inside a write transaction is written in the background once the lock frees, so a probe polls until
/// the expected entry is there or a timeout passes (never a fixed sleep).
/// </summary>
public static class AuditLogProbe
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The entries about <paramref name="subject"/> (e.g. <c>enterprise:42</c>), newest first, as they are now.</summary>
    public static async Task<IReadOnlyList<AuditRecord>> AuditOfAsync(this WebApplicationFactory<Program> app, string subject)
    {
        using var province = app.CreateClientAs(TestEnterprises.ProvinceAdmin());
        var page = await province.GetFromJsonAsync<AuditPage>(
            new Uri($"/api/v1/identity/audit?subject={Uri.EscapeDataString(subject)}&pageSize=500", UriKind.Relative), TestEnterprises.Json);
        return page!.Items;
    }

    /// <summary>
    /// Waits until the entries about <paramref name="subject"/> satisfy <paramref name="done"/> and returns them; fails
    /// the test, listing what was found, when they do not within the timeout.
    /// </summary>
    public static async Task<IReadOnlyList<AuditRecord>> WaitForAuditAsync(this WebApplicationFactory<Program> app, string subject,
        Func<IReadOnlyList<AuditRecord>, bool> done, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var entries = await app.AuditOfAsync(subject);
            if (done(entries))
            {
                return entries;
            }

            if (clock.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new XunitException($"The audit log of {subject} did not reach the expected state within {(timeout ?? DefaultTimeout).TotalSeconds} s; it holds: " +
                    string.Join("; ", entries.Select(e => $"{e.Action} {e.Outcome} by {e.ActorRole} {e.Detail}")));
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    /// <summary>Waits for an entry about <paramref name="subject"/> with this action and outcome, and returns it.</summary>
    public static async Task<AuditRecord> WaitForAuditAsync(this WebApplicationFactory<Program> app, string subject, string action,
        Kernel.Access.AuditOutcome outcome, TimeSpan? timeout = null)
    {
        var entries = await app.WaitForAuditAsync(subject, list => list.Any(e => e.Action == action && e.Outcome == outcome), timeout);
        return entries.First(e => e.Action == action && e.Outcome == outcome);
    }
}
