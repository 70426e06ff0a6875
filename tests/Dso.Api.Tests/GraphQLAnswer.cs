using System.Text.Json.Nodes;

namespace Dso.Api.Tests;

/// <summary>An HTTP answer of the GraphQL endpoint.</summary>
public sealed record GraphQLAnswer(int Status, string? MediaType, string? Allow, JsonNode? Json, string Body, string? Retry = null)
{
    public JsonNode? Data(params string[] path) => path.Aggregate(Json?["data"], (node, key) => node?[key]);

    public string? FirstErrorCode => Json?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    public string? FirstErrorMessage => Json?["errors"]?[0]?["message"]?.GetValue<string>();

    /// <summary>Refused by the authorization rule before anything ran: 403, a FORBIDDEN error and no data.</summary>
    public bool Forbidden => Status == 403 && FirstErrorCode == "FORBIDDEN" && Json?["data"] is null;

    public JsonArray UserErrors(string mutation) => Data(mutation, "userErrors")!.AsArray();
}
