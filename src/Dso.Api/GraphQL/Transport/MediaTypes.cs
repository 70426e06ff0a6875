using Microsoft.Net.Http.Headers;

namespace Dso.Api.GraphQL.Transport;

/// <summary>Response media types of GraphQL over HTTP, and the choice among them from <c>Accept</c>.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// graphql-response+json when the client names it with the highest preference; else application/json
    /// when acceptable (explicitly, by wildcard, or with no Accept at all, for legacy clients); else null (406).
    /// </summary>
    public static string? Negotiate(IList<string>? accept)
    {
        if (accept is null || accept.Count == 0 || accept.All(string.IsNullOrWhiteSpace))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return Json;
        }

        double graphql = 0, json = 0;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1;
            var type = range.MediaType.Value?.ToLowerInvariant();
            if (type == GraphQLResponse)
            {
                graphql = Math.Max(graphql, quality);
            }
            else if (type is Json or "application/*" or "*/*")
            {
                json = Math.Max(json, quality);
            }
        }

        return graphql > 0 && graphql >= json ? GraphQLResponse : json > 0 ? Json : null;
    }

    /// <summary>True for a JSON request body in UTF-8 (the default when no charset is given).</summary>
    public static bool IsJsonRequest(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return false;
        }

        var type = parsed.MediaType.Value?.ToLowerInvariant();
        var charset = parsed.Charset.Value;
        return type is Json or "application/graphql+json" &&
            (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True for a multipart form (the GraphQL multipart request of an upload).</summary>
    public static bool IsMultipart(string? contentType) =>
        contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
}
