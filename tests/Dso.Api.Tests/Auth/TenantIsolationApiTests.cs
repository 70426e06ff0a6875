using System.Text.Json.Nodes;

namespace Dso.Api.Tests.Auth;

/// <summary>
/// Every query root field, and <c>node</c> on every entity of one organization, asked with another
/// organization's key: the answer never holds the first organization's data.
/// </summary>
[Collection(ApiServerGroup.Name)]
public class TenantIsolationApiTests(ApiServer server)
{
    private const string Types = """
        {
          __schema {
            queryType { name }
            types { name kind possibleTypes { name } fields { name args { name type { ...Ref } } type { ...Ref } } }
          }
        }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    [Fact]
    public async Task AnotherOrganizationsKey_GetsNoneOfItsData_FromAnyRootFieldOrNode()
    {
        var (victim, secrets, ids) = await VictimAsync();
        var intruder = await server.CreateOrganizationAsync("Intrus SAS");
        var schema = (await server.PostAsync(Types, key: intruder)).Data("__schema")!;
        var types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        var root = types[schema["queryType"]!["name"]!.GetValue<string>()];

        var leaks = new List<string>();
        foreach (var field in root["fields"]!.AsArray().Select(f => f!))
        {
            var name = field["name"]!.GetValue<string>();
            var arguments = Arguments(field, ids);
            var selection = Selection(field["type"]!, types, depth: 0);
            var answer = await server.PostAsync($"{{ {name}{arguments} {selection} }}", key: intruder);
            leaks.AddRange(Leaks(name, answer, secrets));
            // Each document ran (no validation error): refusals are the only errors allowed.
            var codes = answer.Json?["errors"]?.AsArray().Select(e => e!["extensions"]?["code"]?.GetValue<string>()).ToList() ?? [];
            Assert.True(codes.All(c => c is "NOT_FOUND" or "FORBIDDEN" or "INVALID_ARGUMENT"), $"{name}: {answer.Body}");
        }

        foreach (var id in ids.Values)
        {
            var answer = await server.PostAsync("query($id: ID!) { node(id: $id) { __typename } nodes(ids: [$id]) { __typename } }", new { id }, intruder);
            leaks.AddRange(Leaks($"node({id})", answer, secrets));
            Assert.Null(answer.Data("node"));
        }

        Assert.Empty(leaks);
        Assert.Contains("Alpha Secret", (await server.PostAsync("{ clients { nodes { name } } }", key: victim)).Body, StringComparison.Ordinal);
    }

    /// <summary>An organization with a client, an overdue piece, a template, a scenario and the action it planned.</summary>
    private async Task<(string Key, string[] Secrets, Dictionary<string, string> Ids)> VictimAsync()
    {
        var key = await server.CreateOrganizationAsync("Victime SAS");
        var client = (await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"SECRET-A\", name: \"Alpha Secret\", contacts: [{ name: \"Agent Secret\", email: \"secret@alpha.example\", isCollectionContact: true }] }] }) { clients { id } } }", key: key))
            .Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>();
        var piece = (await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"SECRET-1\", clientCode: \"SECRET-A\", issueDate: \"2025-04-01\", dueDate: \"2025-05-01\", amount: \"777.77\", openAmount: \"777.77\", balanceDate: \"2025-04-01\" }] }) { pieces { id } } }", key: key))
            .Data("upsertPieces", "pieces")![0]!["id"]!.GetValue<string>();
        var template = (await server.PostAsync("mutation { createTemplate(input: { name: \"Secret template\", channel: EMAIL, translations: [{ language: \"fr\", subject: \"Secret subject\", body: \"Secret body {{client.name}}\" }] }) { template { id } } }", key: key))
            .Data("createTemplate", "template", "id")!.GetValue<string>();
        var scenario = (await server.PostAsync("mutation($t: ID!) { createScenario(input: { name: \"Secret scenario\", isDefault: true, steps: [{ offsetDays: 5, channel: EMAIL, templateId: $t, autoSend: true }] }) { scenario { id } } }", new { t = template }, key))
            .Data("createScenario", "scenario", "id")!.GetValue<string>();
        var action = (await server.PostAsync("mutation { runScenarios(input: {}) { actions { id } } }", key: key)).Data("runScenarios", "actions")![0]!["id"]!.GetValue<string>();
        var user = (await server.PostAsync("{ me { id } }", key: key)).Data("me", "id")!.GetValue<string>();
        var ids = new Dictionary<string, string> { ["Client"] = client, ["Piece"] = piece, ["Template"] = template, ["Scenario"] = scenario, ["Action"] = action, ["User"] = user };
        return (key, ["Alpha Secret", "SECRET-", "secret@alpha.example", "777.77", "Secret template", "Secret scenario", "Secret body", .. ids.Values], ids);
    }

    private static IEnumerable<string> Leaks(string field, GraphQLAnswer answer, string[] secrets) =>
        answer.Status >= 500
            ? [$"{field}: {answer.Status}"]
            : secrets.Where(s => answer.Body.Contains(s, StringComparison.Ordinal)).Select(s => $"{field} shows '{s}'");

    /// <summary>Required arguments get the victim's IDs (its client, its action...); the others are left out.</summary>
    private static string Arguments(JsonNode field, Dictionary<string, string> ids)
    {
        var given = field["args"]!.AsArray().Select(a => a!)
            .Where(a => a["type"]!["kind"]!.GetValue<string>() == "NON_NULL")
            .Select(a => a["name"]!.GetValue<string>() switch
            {
                "clientId" => $"clientId: \"{ids["Client"]}\"",
                "ids" => $"ids: [{string.Join(", ", ids.Values.Select(v => $"\"{v}\""))}]",
                "id" => $"id: \"{ids["Action"]}\"",
                var other => $"{other}: \"{ids["Client"]}\"",
            })
            .ToList();
        return given.Count == 0 ? "" : $"({string.Join(", ", given)})";
    }

    /// <summary>Every field without required arguments, three levels deep; abstract types through each of their types.</summary>
    private static string Selection(JsonNode type, Dictionary<string, JsonNode> types, int depth, string? alias = null)
    {
        while (type["kind"]!.GetValue<string>() is "NON_NULL" or "LIST")
        {
            type = type["ofType"]!;
        }

        var named = types[type["name"]!.GetValue<string>()];
        var kind = named["kind"]!.GetValue<string>();
        if (kind is "SCALAR" or "ENUM")
        {
            return "";
        }

        if (depth >= 3)
        {
            return "{ __typename }";
        }

        if (kind is "INTERFACE" or "UNION")
        {
            return "{ __typename " + string.Join(' ', named["possibleTypes"]!.AsArray().Select(p => $"... on {p!["name"]} {Selection(types[p["name"]!.GetValue<string>()], types, depth + 1, alias: p["name"]!.GetValue<string>())}")) + " }";
        }

        var fields = named["fields"]!.AsArray().Select(f => f!)
            .Where(f => f["args"]!.AsArray().All(a => a!["type"]!["kind"]!.GetValue<string>() != "NON_NULL"))
            // Inside a fragment on one of several types, aliases keep same-named fields of other types apart.
            .Select(f => $"{(alias is null ? "" : $"{alias}_{f["name"]}: ")}{f["name"]} {Selection(f["type"]!, types, depth + 1)}");
        return "{ __typename " + string.Join(' ', fields) + " }";
    }
}
