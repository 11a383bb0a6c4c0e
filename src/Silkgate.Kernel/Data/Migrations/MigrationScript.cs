using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Silkgate.Kernel.Data.Migrations;

internal sealed partial record MigrationScript(string Module, int Version, string Name, string Sql)
{
    public string Checksum => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    [GeneratedRegex(@"^migrations/(?<version>\d{4})_(?<name>[a-z0-9_]+?)(\.(?<dialect>sqlite|postgres))?\.sql$")]
    private static partial Regex ResourceName();

    /// <summary>The module's scripts for one dialect, in version order; a dialect-specific file wins over the shared one.</summary>
    public static IReadOnlyList<MigrationScript> Load(ModuleMigrations source, SqlDialect dialect)
    {
        var wanted = dialect.IsPostgres ? "postgres" : "sqlite";
        var chosen = new SortedDictionary<int, (string Name, string Resource, bool Specific)>();
        foreach (var resource in source.Assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            var d = match.Groups["dialect"];
            if (d.Success && d.Value != wanted)
            {
                continue;
            }

            var version = int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var name = match.Groups["name"].Value;
            if (chosen.TryGetValue(version, out var existing))
            {
                if (existing.Name != name)
                {
                    throw new InvalidOperationException($"Module {source.Module} has two migrations numbered {version}: {existing.Name} and {name}.");
                }

                if (existing.Specific)
                {
                    continue;
                }
            }

            chosen[version] = (name, resource, d.Success);
        }

        return chosen.Select(kv => new MigrationScript(source.Module, kv.Key, kv.Value.Name, dialect.Expand(Read(source.Assembly, kv.Value.Resource)))).ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
