namespace Dso.Tests;

/// <summary>The checkout the tests run from (the folder holding Dso.sln).</summary>
public static class RepositoryRoot
{
    /// <summary>A file of tests/data: the sample export, its mapping and its expected totals.</summary>
    public static string TestData(string name) => Path.Combine(Find(), "tests", "data", name);

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
