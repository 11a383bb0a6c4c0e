using System.Text.Json;

namespace Silkgate.Cli.Bench;

/// <summary>
/// What <c>bench prepare</c> hands to <c>bench ingest</c>: the seed and size of the enterprise set it registered and one
/// API key per enterprise code. The file holds secrets of a benchmark database only; keep it out of version control.
/// </summary>
internal sealed record BenchKeys(long EnterpriseSeed, int Sellers, IReadOnlyDictionary<string, string> Keys)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task SaveAsync(string path, CancellationToken ct)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, ct);
    }

    public static async Task<BenchKeys> LoadAsync(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<BenchKeys>(file, Json, ct)
            ?? throw new InvalidDataException($"{path} is not a keys file written by `silkgate bench prepare`.");
    }
}
