namespace Dso.Api.Tests;

/// <summary>The checkout the tests run from (the folder holding Dso.sln).</summary>
public static class RepositoryRoot
{
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
