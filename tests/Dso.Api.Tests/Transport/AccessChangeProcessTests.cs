using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Transport;

/// <summary>
/// Sockets on one server process closed by access changes made through another: the periodic credential check is
/// set to ten minutes, so only the committed event can close them.
/// </summary>
public class AccessChangeProcessTests
{
    /// <summary>What changes, the mutation (of the key when <c>$id</c> names it, else of the user) and the reason the socket is given.</summary>
    public static TheoryData<string, string, string> Changes => new()
    {
        { "the key is revoked", "mutation($id: ID!) { revokeApiKey(input: { id: $id }) { userErrors { message } } }", "revoked" },
        { "the user is archived", "mutation($id: ID!) { archiveUser(input: { id: $id }) { userErrors { message } } }", "revoked" },
        { "the user's roles change", "mutation($id: ID!) { updateUser(input: { id: $id, roles: [ADMIN] }) { userErrors { message } } }", "rights changed" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AnAccessChangeOnAnotherServer_ClosesTheSocketsConcerned_WithoutWaitingForTheCheck(string label, string mutation, string reason)
    {
        using var database = new TemporaryDatabase();
        string[] settings = ["--Dso:Api:CredentialCheckInterval", "00:10:00"];
        using var serving = await ApiProcess.StartAsync(database.Path, settings);
        using var changing = await ApiProcess.StartAsync(database.Path, settings);
        var (user, key, secret) = await CollectorAsync(changing, "concerned@example.test");
        var (_, _, bystander) = await CollectorAsync(changing, "bystander@example.test");
        await using var concerned = await GraphQLSocket.ConnectAsync(serving.GraphQLUrl, secret);
        await using var unconcerned = await GraphQLSocket.ConnectAsync(serving.GraphQLUrl, bystander);

        await changing.DataAsync(mutation, new { id = mutation.Contains("ApiKey", StringComparison.Ordinal) ? key : user });

        Assert.True(await concerned.ClosedAsync() == 4403, label);
        Assert.Contains(reason, concerned.CloseReason, StringComparison.Ordinal);
        await unconcerned.SubscribeAsync("alive", "{ __typename }");
        Assert.Equal("next", (await unconcerned.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    private static async Task<(string User, string Key, string Secret)> CollectorAsync(ApiProcess api, string email)
    {
        var user = (await api.DataAsync("mutation($email: String!) { createUser(input: { email: $email, name: \"Collector\", roles: [COLLECTOR] }) { user { id } } }", new { email }))["createUser"]!["user"]!["id"]!.GetValue<string>();
        var key = (await api.DataAsync("mutation($user: ID!) { createApiKey(input: { userId: $user }) { secret apiKey { id } } }", new { user }))["createApiKey"]!;
        return (user, key["apiKey"]!["id"]!.GetValue<string>(), key["secret"]!.GetValue<string>());
    }
}
