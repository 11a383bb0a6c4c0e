namespace Silkgate.Ceb.Tests.Signing;

/// <summary>Finds the project's shared/ folder: beside the directory that holds Silkgate.slnx.</summary>
internal static class SharedFiles
{
    public static string Path(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Silkgate.slnx")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared"));
                if (Directory.Exists(shared))
                {
                    return System.IO.Path.Combine([shared, .. parts]);
                }
            }
        }

        throw new DirectoryNotFoundException("shared/ was not found beside the solution.");
    }
}
