using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Silkgate.Clearance.Contracts;
using Silkgate.Kernel.Data;
using Silkgate.Registry.Contracts;

namespace Silkgate.Clearance.FileExchange;

/// <summary>Layout of the exchange folders: <c>{root}/{code}/in</c> (with <c>processed</c> and <c>failed</c>) and <c>{root}/{code}/out</c>.</summary>
internal sealed class ExchangeFolders(IOptions<FileExchangeOptions> options, IOptions<DatabaseOptions> database, IServiceScopeFactory scopes) : IExchangeFolders
{
    public string Root => string.IsNullOrWhiteSpace(options.Value.Root)
        ? Path.Combine(database.Value.ResolvedDataDirectory, "exchange")
        : Path.GetFullPath(options.Value.Root);

    public static string In(string enterpriseFolder) => Path.Combine(enterpriseFolder, "in");

    public static string Out(string enterpriseFolder) => Path.Combine(enterpriseFolder, "out");

    public static string Processed(string enterpriseFolder) => Path.Combine(enterpriseFolder, "in", "processed");

    public static string Failed(string enterpriseFolder) => Path.Combine(enterpriseFolder, "in", "failed");

    public async Task<string?> InitializeAsync(string enterpriseCode, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseCode);
        var code = enterpriseCode.Trim().ToUpperInvariant();
        if (code.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IEnterpriseDirectory>();
        var enterprise = await directory.FindByCodeAsync(code, ct);
        if (enterprise is not { Status: EnterpriseStatus.Approved })
        {
            return null;
        }

        var folder = Path.Combine(Root, code);
        Directory.CreateDirectory(Processed(folder));
        Directory.CreateDirectory(Failed(folder));
        Directory.CreateDirectory(Out(folder));
        return folder;
    }
}
