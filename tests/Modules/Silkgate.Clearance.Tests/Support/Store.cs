using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Silkgate.Kernel.Data;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>Direct reads of the gateway's tables, to check what is stored.</summary>
internal static class Store
{
    public static async Task<long> CountAsync(PlatformHost host, string sql, object? args = null)
    {
        var database = host.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public static Task<long> MessagesWithGuidAsync(PlatformHost host, string guid) =>
        CountAsync(host, "SELECT COUNT(*) FROM clearance_messages WHERE message_guid = @guid", new { guid });

    public static Task<long> MessagesOfSenderAsync(PlatformHost host, long sender) =>
        CountAsync(host, "SELECT COUNT(*) FROM clearance_messages WHERE sender_enterprise_id = @sender", new { sender });

    public static async Task ExecuteAsync(PlatformHost host, string sql, object? args = null)
    {
        var database = host.Services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, args);
    }
}
