using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dso.Domain.Users;

namespace Dso.Api.Tests.Users;

/// <summary>Every mutation of the served schema, called by a VIEWER with made-up input, is refused (403) before anything runs.</summary>
[Collection(ApiServerGroup.Name)]
public class MutationAccessTests(ApiServer server)
{
    /// <summary>Mutations that only read: exporting a report is open to viewers.</summary>
    private static readonly string[] ForViewers = ["exportReport"];

    private const string Introspection = """
        {
          __schema {
            mutationType { fields { name args { name type { ...Ref } } } }
            types { name kind enumValues { name } inputFields { name defaultValue type { ...Ref } } }
          }
        }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    [Fact]
    public async Task AViewer_IsForbiddenEveryMutation_ButExportingAReport()
    {
        var admin = await server.CreateOrganizationAsync("Lecture seule SAS");
        var viewer = await server.CreateKeyAsync(admin, Role.Viewer);
        var schema = (await server.PostAsync(Introspection, key: viewer)).Data("__schema")!;
        var types = schema["types"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!);
        var mutations = schema["mutationType"]!["fields"]!.AsArray().Select(f => f!).ToList();

        var answers = new List<string>();
        foreach (var mutation in mutations)
        {
            var name = mutation["name"]!.GetValue<string>();
            var uploads = new List<string>();
            var arguments = string.Join(", ", mutation["args"]!.AsArray().Select(a => $"{a!["name"]}: {Literal(a["type"]!, types, uploads)}"));
            var variables = uploads.Count == 0 ? "" : $"({string.Join(", ", uploads.Select(u => $"${u}: Upload!"))})";
            var document = $"mutation{variables} {{ {name}({arguments}) {{ userErrors {{ code }} }} }}";
            var answer = uploads.Count == 0 ? await server.PostAsync(document, key: viewer) : await UploadAsync(document, uploads, viewer);
            answers.Add($"{name}: {(answer.Forbidden ? "FORBIDDEN" : answer.Body)}");
        }

        Assert.True(mutations.Count > 30, $"Only {mutations.Count} mutations found.");
        Assert.All(answers.Where(a => !ForViewers.Contains(a[..a.IndexOf(':')])), a => Assert.EndsWith(": FORBIDDEN", a, StringComparison.Ordinal));
        Assert.DoesNotContain(answers, a => a == "exportReport: FORBIDDEN");
    }

    /// <summary>A value the type accepts: required input fields only, empty lists, the first enum value; uploads become variables.</summary>
    private static string Literal(JsonNode type, Dictionary<string, JsonNode> types, List<string> uploads)
    {
        var kind = type["kind"]!.GetValue<string>();
        if (kind == "NON_NULL")
        {
            return Literal(type["ofType"]!, types, uploads);
        }

        if (kind == "LIST")
        {
            return "[]";
        }

        var named = types[type["name"]!.GetValue<string>()];
        return named["kind"]!.GetValue<string>() switch
        {
            "ENUM" => named["enumValues"]![0]!["name"]!.GetValue<string>(),
            "INPUT_OBJECT" => "{ " + string.Join(", ", named["inputFields"]!.AsArray()
                .Where(f => f!["type"]!["kind"]!.GetValue<string>() == "NON_NULL" && f["defaultValue"] is null)
                .Select(f => $"{f!["name"]}: {Literal(f["type"]!, types, uploads)}")) + " }",
            _ => named["name"]!.GetValue<string>() switch
            {
                "Int" => "1",
                "Boolean" => "true",
                "Date" => "\"2025-01-01\"",
                "DateTime" => "\"2025-01-01T00:00:00Z\"",
                "Decimal" => "\"1\"",
                "JSON" => "\"{}\"",
                "Upload" => Upload(uploads),
                _ => "\"x\"",
            },
        };
    }

    private static string Upload(List<string> uploads)
    {
        uploads.Add($"file{uploads.Count}");
        return "$" + uploads[^1];
    }

    private async Task<GraphQLAnswer> UploadAsync(string document, List<string> uploads, string key)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query = document, variables = uploads.ToDictionary(u => u, _ => (object?)null) }), Encoding.UTF8), "operations" },
            { new StringContent(JsonSerializer.Serialize(uploads.Select((u, i) => (u, i)).ToDictionary(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture), x => new[] { $"variables.{x.u}" })), Encoding.UTF8), "map" },
        };
        for (var i = 0; i < uploads.Count; i++)
        {
            var file = new ByteArrayContent("a;b\n"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "export.csv");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        request.Headers.Add("GraphQL-Require-Preflight", "1");
        return await server.SendAsync(request, key);
    }
}
