using Dso.Api.GraphQL;
using Dso.Api.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.GraphQL;

public class SchemaTests
{
    /// <summary>schema.graphql is the approved public surface; set DSO_UPDATE_SCHEMA=1 to re-print it after a deliberate change.</summary>
    [Fact]
    public async Task TheServedSchema_EqualsSchemaGraphql()
    {
        await using var app = DsoApp.Build(["--ConnectionStrings:Dso", "Data Source=:memory:"]);
        var printed = app.Services.GetRequiredService<DsoSchema>().PrintSdl();
        var file = Path.Combine(RepositoryRoot.Find(), "schema.graphql");
        if (Environment.GetEnvironmentVariable("DSO_UPDATE_SCHEMA") == "1")
        {
            await File.WriteAllTextAsync(file, printed);
        }

        Assert.Equal(await File.ReadAllTextAsync(file), printed);
    }
}
