using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Access;
using Silkgate.Testing;

namespace Silkgate.RefData.Tests.Api;

/// <summary>Stands in for Identity's audit trail and keeps what was recorded.</summary>
internal sealed class RecordingAuditTrail : IAuditTrail
{
    public ConcurrentQueue<AuditEntry> Entries { get; } = new();

    public Task RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }
}

internal static class AuditedHost
{
    /// <summary>The host with <paramref name="audit"/> as its audit trail (same database and settings).</summary>
    public static WebApplicationFactory<Program> WithAudit(this PlatformHost host, RecordingAuditTrail audit) =>
        host.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IAuditTrail>(audit)));

    public static HttpClient ClientAs(this WebApplicationFactory<Program> factory, Actor? actor)
    {
        var client = factory.CreateClient();
        if (actor is not null)
        {
            client.DefaultRequestHeaders.Add(TestActorHandler.Header, TestActorHandler.Encode(actor));
        }

        return client;
    }
}

internal static class Actors
{
    public static readonly Actor ZoneAdmin = new(11, "湖州管理员", Role.ZoneAdmin, "330000", "330500");
    public static readonly Actor ProvinceAdmin = new(12, "省管理员", Role.ProvinceAdmin, "330000");
    public static readonly Actor EnterpriseUser = new(13, "企业用户", Role.EnterpriseUser, "330000", "330500", EnterpriseId: 7);
}
