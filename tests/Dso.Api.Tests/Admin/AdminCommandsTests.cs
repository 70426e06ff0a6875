using System.Text.Json;
using Dso.Api.Admin;

namespace Dso.Api.Tests.Admin;

/// <summary>In the API group so that no other test writes to the console while this one captures it.</summary>
[Collection(ApiServerGroup.Name)]
public class AdminCommandsTests
{
    [Fact]
    public async Task CreateOrganization_ThenCreateApiKey_PrintJsonWhoseKeyAuthenticates()
    {
        var database = Path.Combine(Path.GetTempPath(), $"dso-cli-{Guid.NewGuid():N}.db");
        var connection = new[] { "--ConnectionStrings:Dso", $"Data Source={database};Pooling=False" };

        var (code, output) = await RunAsync(["admin", "create-organization", "--name", "Acme SAS", "--currency", "EUR", .. connection]);
        var organization = JsonDocument.Parse(output).RootElement;
        var (keyCode, keyOutput) = await RunAsync(["admin", "create-api-key", "--organization", organization.GetProperty("organizationId").GetString()!, "--role", "VIEWER", .. connection]);
        var (userCode, userOutput) = await RunAsync(["admin", "create-user", "--organization", organization.GetProperty("organizationId").GetString()!,
            "--name", "Léa Petit", "--email", "Lea@Acme.example", "--roles", "COLLECTOR,SALES_REP", .. connection]);
        var (badCode, _) = await RunAsync(["admin", "create-organization", "--name", "Bad", "--currency", "XXX", .. connection]);
        var (badRole, _) = await RunAsync(["admin", "create-user", "--organization", organization.GetProperty("organizationId").GetString()!,
            "--name", "X", "--email", "x@acme.example", "--roles", "COLLECTOR,BOSS", .. connection]);
        var (_, list) = await RunAsync(["admin", "list-organizations", .. connection]);

        Assert.Equal((0, 0, 0, 1, 2), (code, keyCode, userCode, badCode, badRole));
        Assert.StartsWith("dso_", organization.GetProperty("apiKey").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("dso_", JsonDocument.Parse(keyOutput).RootElement.GetProperty("apiKey").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("dso_", JsonDocument.Parse(userOutput).RootElement.GetProperty("apiKey").GetString(), StringComparison.Ordinal);
        var listed = Assert.Single(JsonDocument.Parse(list).RootElement.GetProperty("organizations").EnumerateArray());
        Assert.Equal((organization.GetProperty("organizationId").GetString(), "Acme SAS", "EUR"),
            (listed.GetProperty("id").GetString(), listed.GetProperty("name").GetString(), listed.GetProperty("currency").GetString()));
        File.Delete(database);
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            return (await AdminCommands.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
