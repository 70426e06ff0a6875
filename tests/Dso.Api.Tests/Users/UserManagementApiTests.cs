using System.Net;

namespace Dso.Api.Tests.Users;

[Collection(ApiServerGroup.Name)]
public class UserManagementApiTests(ApiServer server)
{
    [Fact]
    public async Task AnAdministratorAddsAUserAndAKey_TheKeyWorks_AndRevokingOrArchivingLocksThemOut()
    {
        var admin = await server.CreateOrganizationAsync("Équipe SAS");
        var user = (await server.PostAsync("mutation { createUser(input: { name: \"Léa Petit\", email: \"Lea.Petit@Equipe.example\", roles: [COLLECTOR, SALES_REP] }) { user { id email roles } userErrors { message } } }", key: admin))
            .Data("createUser", "user")!;
        const string Issue = "mutation($u: ID!) { createApiKey(input: { userId: $u }) { secret apiKey { id prefix user { name } } userErrors { message } } }";
        var first = (await server.PostAsync(Issue, new { u = user["id"]!.GetValue<string>() }, admin)).Data("createApiKey")!;
        var second = (await server.PostAsync(Issue, new { u = user["id"]!.GetValue<string>() }, admin)).Data("createApiKey")!;
        var (firstSecret, secondSecret) = (first["secret"]!.GetValue<string>(), second["secret"]!.GetValue<string>());

        var me = await server.PostAsync("{ me { name roles } apiKeys { prefix } }", key: firstSecret);
        await server.PostAsync("mutation($k: ID!) { revokeApiKey(input: { id: $k }) { apiKey { revokedAt } } }", new { k = first["apiKey"]!["id"]!.GetValue<string>() }, admin);
        var revoked = await server.PostAsync("{ me { name } }", key: firstSecret);
        var stillValid = await server.PostAsync("{ me { name } }", key: secondSecret);
        await server.PostAsync("mutation($u: ID!) { archiveUser(input: { id: $u }) { user { archived } } }", new { u = user["id"]!.GetValue<string>() }, admin);
        var archived = await server.PostAsync("{ me { name } }", key: secondSecret);
        var listed = await server.PostAsync("{ users { email } all: users(includeArchived: true) { email archived } }", key: admin);

        Assert.Equal("lea.petit@equipe.example", user["email"]!.GetValue<string>());
        Assert.Equal("[\"COLLECTOR\",\"SALES_REP\"]", user["roles"]!.ToJsonString());
        Assert.Equal(("Léa Petit", firstSecret[..12]), (first["apiKey"]!["user"]!["name"]!.GetValue<string>(), first["apiKey"]!["prefix"]!.GetValue<string>()));
        Assert.Equal(("Léa Petit", "[\"COLLECTOR\",\"SALES_REP\"]"), (me.Data("me", "name")!.GetValue<string>(), me.Data("me", "roles")!.ToJsonString()));
        Assert.Equal([firstSecret[..12], secondSecret[..12]], me.Data("apiKeys")!.AsArray().Select(k => k!["prefix"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized), ((HttpStatusCode)revoked.Status, (HttpStatusCode)stillValid.Status, (HttpStatusCode)archived.Status));
        Assert.DoesNotContain("lea.petit@equipe.example", listed.Data("users")!.AsArray().Select(u => u!["email"]!.GetValue<string>()));
        Assert.Contains(listed.Data("all")!.AsArray(), u => u!["email"]!.GetValue<string>() == "lea.petit@equipe.example" && u["archived"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TheLastAdministrator_KeepsTheRole_AndCannotBeArchived_AndEmailsAreUnique()
    {
        var admin = await server.CreateOrganizationAsync("Dernier Admin SAS");
        var id = (await server.PostAsync("{ me { id } }", key: admin)).Data("me", "id")!.GetValue<string>();
        const string Create = "mutation($e: String!) { createUser(input: { name: \"Bis\", email: $e, roles: [VIEWER] }) { userErrors { field code } } }";
        await server.PostAsync(Create, new { e = "bis@dernier.example" }, admin);

        var demoted = await server.PostAsync("mutation($u: ID!) { updateUser(input: { id: $u, roles: [VIEWER] }) { userErrors { field code } } }", new { u = id }, admin);
        var archived = await server.PostAsync("mutation($u: ID!) { archiveUser(input: { id: $u }) { userErrors { field code } } }", new { u = id }, admin);
        var twice = await server.PostAsync(Create, new { e = "BIS@Dernier.example" }, admin);
        var noRole = await server.PostAsync("mutation { createUser(input: { name: \"Sans rôle\", email: \"sans.role@x.example\", roles: [] }) { userErrors { field code } } }", key: admin);

        Assert.Equal("[{\"field\":[\"input\",\"roles\"],\"code\":\"CONFLICT\"}]", demoted.UserErrors("updateUser").ToJsonString());
        Assert.Equal("[{\"field\":[\"input\",\"id\"],\"code\":\"CONFLICT\"}]", archived.UserErrors("archiveUser").ToJsonString());
        Assert.Equal("[{\"field\":[\"input\",\"email\"],\"code\":\"CONFLICT\"}]", twice.UserErrors("createUser").ToJsonString());
        Assert.Equal("[{\"field\":[\"input\",\"roles\"],\"code\":\"INVALID\"}]", noRole.UserErrors("createUser").ToJsonString());
    }
}
