#pragma warning disable EF1001 // Design-time services are internal API; they replace the dotnet-ef tool, which is not obtainable here.
using Dso.Api.Hosting;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;

namespace Dso.Api.Admin;

/// <summary>`admin migrations add Name`: writes a migration for the current model into src/Dso.Domain/Persistence/Migrations.</summary>
internal static class MigrationScaffolder
{
    public static int Add(string name)
    {
        var project = FindDomainProject();
        using var app = DsoApp.Build([], b => b.Configuration["ConnectionStrings:Dso"] = "Data Source=:memory:");
        using var scope = app.Services.CreateScope();
        var context = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(context);
        new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
        using var design = services.BuildServiceProvider();
        var scaffolder = design.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "Dso.Domain", "Persistence.Migrations", "C#");
        var files = scaffolder.Save(project, migration, Path.Combine(project, "Persistence", "Migrations"));
        Console.Out.WriteLine(files.MigrationFile);
        return 0;
    }

    private static string FindDomainProject()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Dso.Domain");
            if (File.Exists(Path.Combine(candidate, "Dso.Domain.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Run this from the repository (src/Dso.Domain not found).");
    }
}
