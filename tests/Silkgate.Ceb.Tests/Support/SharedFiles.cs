namespace Silkgate.Ceb.Tests.Support;

/// <summary>Locates ../shared beside the repository (the folder holding Silkgate.slnx).</summary>
internal static class SharedFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Silkgate.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                if (!Directory.Exists(shared))
                {
                    throw new InvalidOperationException($"Reference material missing: expected {shared} beside the repository.");
                }
                return shared;
            }
        }
        throw new InvalidOperationException("Silkgate.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Path_(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
