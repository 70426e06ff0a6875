namespace Dso.Tests;

/// <summary>The checkout the tests run from (the folder holding Dso.sln).</summary>
public static class RepositoryRoot
{
    /// <summary>A file of ../shared/data, the sample files with their expected totals.</summary>
    public static string SharedData(string name) => Path.Combine(Find(), "..", "shared", "data", name);

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dso.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Dso.sln not found above " + AppContext.BaseDirectory);
    }
}
