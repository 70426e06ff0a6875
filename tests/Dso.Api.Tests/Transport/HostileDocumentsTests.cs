using System.Net.Http.Headers;
using System.Text;

namespace Dso.Api.Tests.Transport;

/// <summary>10 000 malformed or hostile requests against the live server: none may get a 5xx or bring it down.</summary>
[Collection(ApiServerGroup.Name)]
public class HostileDocumentsTests(ApiServer server)
{
    private const int Count = 10_000;

    private const string Valid = "query Clients($n: Int) { clients(first: $n) { totalCount nodes { id code name pieces(first: 5) { nodes { number amount { amount currency } } } } } }";

    [Fact]
    public async Task TenThousandHostileDocuments_GetNo5xx_AndTheServerStillAnswers()
    {
        var key = await server.CreateOrganizationAsync("Hostile SAS");
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(int Status, string Kind)>();

        // Each body is made as it is sent (the same for each i): held all at once, they were some 200 MB of the test's own heap.
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var body = Hostile(i, new Random(2026 + i));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body.Content, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(body.MediaType);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await server.Http.SendAsync(request, ct);
            statuses.Add(((int)response.StatusCode, body.Kind));
        });
        var alive = await server.PostAsync("{ me { id } }", key: key);

        Assert.Equal(Count, statuses.Count);
        Assert.Empty(statuses.Where(s => s.Status >= 500).Select(s => $"{s.Kind}: {s.Status}").Distinct());
        Assert.Equal(200, alive.Status);
    }

    private sealed record Body(string Kind, string Content, string MediaType = "application/json");

    private static Body Hostile(int i, Random random) => (i % 16) switch
    {
        0 => Document("deep braces", new string('{', 200 + random.Next(5000)) + new string('}', random.Next(5000))),
        1 => Document("deep selections", "{ " + string.Concat(Enumerable.Repeat("me { ", 50 + random.Next(400))) + "id" + new string('}', 60)),
        2 => Document("many aliases", "{ " + string.Join(' ', Enumerable.Range(0, 100 + random.Next(i % 97 == 2 ? 20_000 : 2_000)).Select(a => $"a{a}: __typename")) + " }"),
        3 => Document("fragment cycle", "query { ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }"),
        4 => Document("fragment bomb", "query { ...F30 } fragment F0 on Query { __typename } " +
            string.Join(' ', Enumerable.Range(1, 30).Select(f => $"fragment F{f} on Query {{ ...F{f - 1} a{f}: __typename ...F{f - 1} }}"))),
        5 => Document("enormous list", "{ nodes(ids: [" + string.Join(',', Enumerable.Repeat("\"Q2xpZW50OjE\"", i % 97 == 5 ? 50_000 : 500)) + "]) { id } }"),
        6 => new Body("not JSON", Garbage(random, 1 + random.Next(2_000))),
        7 => Document("mutated document", Mutate(Valid, random)),
        8 => Document("overflowing numbers", $"{{ clients(first: {(random.Next(2) == 0 ? "99999999999999999999999" : "-" + random.Next())}) {{ totalCount }} }}"),
        9 => new Body("deep JSON variables", "{\"query\":\"query($v: [ID!]) { nodes(ids: $v) { id } }\",\"variables\":{\"v\":" + new string('[', 10_000) + new string(']', 10_000) + "}}"),
        10 => Document("many operations", string.Concat(Enumerable.Range(0, 1 + random.Next(300)).Select(o => $"query Q{o} {{ __typename }} "))),
        11 => Document("repeated directives", "{ me " + string.Concat(Enumerable.Repeat("@include(if: true) ", 1 + random.Next(3_000))) + "{ id } }"),
        12 => Document("control characters", "{ clients(filter: { search: \"" + Garbage(random, 200).Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal) + "\" }) { totalCount } }"),
        13 => Document("deep introspection", "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ofType { ", 20 + random.Next(60))) + "name" + new string('}', 3 * 80 + 2)),
        14 => new Body("wrong variable types", System.Text.Json.JsonSerializer.Serialize(new
        {
            query = Valid,
            variables = new Dictionary<string, object> { ["n"] = random.Next(3) switch { 0 => "ten", 1 => new[] { 1, 2 }, _ => new { a = 1 } } },
        })),
        _ => Document("mutations with hostile input", "mutation { upsertClients(input: { clients: [" +
            string.Join(',', Enumerable.Repeat($"{{ code: \"{new string('x', random.Next(5_000))}\", name: \"\\u0000\\uD800\", currency: \"€€€\" }}", 1 + random.Next(50))) + "] }) { userErrors { code } } }"),
    };

    private static Body Document(string kind, string query) =>
        new(kind, System.Text.Json.JsonSerializer.Serialize(new { query }));

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var n = random.Next(1, 6); n > 0 && builder.Length > 1; n--)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(3))
            {
                case 0: builder.Remove(at, 1); break;
                case 1: builder.Insert(at, "{}()[]:$@!.\"#\\"[random.Next(14)]); break;
                default: builder.Insert(at, builder.ToString(at, Math.Min(20, builder.Length - at))); break;
            }
        }

        return builder.ToString();
    }

    private static string Garbage(Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0, 0xD7FF)).ToArray());
}
