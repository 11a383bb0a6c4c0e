using System.Diagnostics;
using Silkgate.Testing;

namespace Silkgate.Clearance.Tests.Support;

/// <summary>Runs the real <c>silkgate</c> command-line tool (built beside the tests) against a test host's database.</summary>
internal static class Cli
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Silkgate.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Silkgate.slnx not found above the test output folder.");
        }
    }

    /// <summary>Debug or Release, as the tests themselves were built.</summary>
    public static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static async Task<(int Exit, string Output)> RunAsync(PlatformHost host, params string[] args)
    {
        var dll = Path.Combine(RepositoryRoot, "src", "Silkgate.Cli", "bin", Configuration, "net10.0", "silkgate.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["SILKGATE_Database__DataDirectory"] = host.DataDirectory;
        start.Environment["SILKGATE_Database__Postgres"] = host.Settings.TryGetValue("Database:Postgres", out var pg) ? pg ?? "" : "";
        start.Environment["SILKGATE_Clearance__Privacy__HashKey"] = PlatformHost.PrivacyHashKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
