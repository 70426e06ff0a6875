using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http.Features;

namespace Dso.Api.GraphQL.Transport;

/// <summary>
/// The GraphQL multipart request specification: an <c>operations</c> field (the request), a <c>map</c> field
/// (file part → variable paths) and the file parts. A form can be posted cross-site without a CORS
/// preflight, so a preflight header is required (the CSRF protection Apollo and Hot Chocolate use).
/// </summary>
public static class MultipartRequestReader
{
    public static readonly string[] PreflightHeaders = ["GraphQL-Require-Preflight", "GraphQL-Preflight", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"];

    public static async Task<GraphQLRequest> ReadAsync(HttpRequest request, IGraphQLTextSerializer serializer, long maxBytes, CancellationToken cancellationToken)
    {
        if (!PreflightHeaders.Any(h => !string.IsNullOrWhiteSpace(request.Headers[h])))
        {
            throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest,
                "Multipart requests need a preflight header with any value, 'GraphQL-Require-Preflight: 1' (or Hot Chocolate's 'GraphQL-Preflight', Apollo's 'Apollo-Require-Preflight'), as protection against cross-site request forgery.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = maxBytes, ValueLengthLimit = 1 << 20 }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new BadGraphQLRequestException(StatusCodes.Status413PayloadTooLarge, $"The multipart request is too large or malformed: {e.Message}");
        }

        var operations = Parse(form["operations"], "operations");
        var map = Parse(form["map"], "map");
        if (operations.ValueKind != JsonValueKind.Object || map.ValueKind != JsonValueKind.Object)
        {
            throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, "'operations' and 'map' must be JSON objects (batches are not supported).");
        }

        var graphQLRequest = serializer.ReadNode<GraphQLRequest>(operations)
            ?? throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, "'operations' is not a GraphQL request.");
        var variables = graphQLRequest.Variables is null ? [] : new Dictionary<string, object?>(graphQLRequest.Variables);
        foreach (var entry in map.EnumerateObject())
        {
            var file = form.Files[entry.Name] ?? throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"The map names the file part '{entry.Name}', which is not in the request.");
            foreach (var path in entry.Value.EnumerateArray().Select(p => p.GetString() ?? ""))
            {
                var segments = path.Split('.');
                if (segments.Length < 2 || segments[0] != "variables" || !Place(variables, segments[1..], file))
                {
                    throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"The map path '{path}' does not name a variable of the request.");
                }
            }
        }

        graphQLRequest.Variables = new Inputs(variables);
        return graphQLRequest;
    }

    private static JsonElement Parse(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"The multipart request has no '{field}' field.");
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"'{field}' is not valid JSON.");
        }
    }

    // Puts the file where the request holds null: variables.input.file, variables.files.0 ...
    private static bool Place(object? container, string[] segments, IFormFile file)
    {
        var key = segments[0];
        var last = segments.Length == 1;
        switch (container)
        {
            case IDictionary<string, object?> map when map.ContainsKey(key):
                if (last)
                {
                    map[key] = file;
                    return true;
                }

                return Place(map[key], segments[1..], file);
            case IList<object?> list when int.TryParse(key, out var index) && index >= 0 && index < list.Count:
                if (last)
                {
                    list[index] = file;
                    return true;
                }

                return Place(list[index], segments[1..], file);
            default:
                return false;
        }
    }
}
