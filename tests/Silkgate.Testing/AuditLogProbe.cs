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
    public static Task<IReadOnlyList<AuditRecord>> AuditOfAsync(this WebApplicationFactory<Program> app, string subject) =>
        app.AuditAsync($"subject={Uri.EscapeDataString(subject)}");

    /// <summary>The entries matching an audit API query string (e.g. <c>action=identity.audit.read&amp;outcome=Denied</c>), newest first.</summary>
    public static async Task<IReadOnlyList<AuditRecord>> AuditAsync(this WebApplicationFactory<Program> app, string query)
    {
        using var province = app.CreateClientAs(TestEnterprises.ProvinceAdmin());
        var page = await province.GetFromJsonAsync<AuditPage>(new Uri($"/api/v1/identity/audit?{query}&pageSize=500", UriKind.Relative), TestEnterprises.Json);
        return page!.Items;
    }

    /// <summary>
    /// Waits until the entries about <paramref name="subject"/> satisfy <paramref name="done"/> and returns them; fails
    /// the test, listing what was found, when they do not within the timeout.
    /// </summary>
    public static Task<IReadOnlyList<AuditRecord>> WaitForAuditAsync(this WebApplicationFactory<Program> app, string subject,
        Func<IReadOnlyList<AuditRecord>, bool> done, TimeSpan? timeout = null) =>
        app.WaitForAuditQueryAsync($"subject={Uri.EscapeDataString(subject)}", done, timeout);

    /// <summary>Waits until the entries matching an audit API query string satisfy <paramref name="done"/> (see <see cref="WaitForAuditAsync(WebApplicationFactory{Program}, string, Func{IReadOnlyList{AuditRecord}, bool}, TimeSpan?)"/>).</summary>
    public static async Task<IReadOnlyList<AuditRecord>> WaitForAuditQueryAsync(this WebApplicationFactory<Program> app, string query,
        Func<IReadOnlyList<AuditRecord>, bool> done, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var entries = await app.AuditAsync(query);
            if (done(entries))
            {
                return entries;
            }

            if (clock.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new XunitException($"The audit log ({query}) did not reach the expected state within {(timeout ?? DefaultTimeout).TotalSeconds} s; it holds: " +
                    string.Join("; ", entries.Select(e => $"{e.Action} {e.Subject} {e.Outcome} by {e.ActorRole} {e.ActorUserId} {e.Detail}")));
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
