using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace Dso.Api.GraphQL.Transport;

/// <summary>Reads a GraphQL request from a POST body or GET parameters, rejecting every malformed shape with 400.</summary>
public sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public async Task<GraphQLRequest> ReadPostAsync(HttpRequest request, long maxBytes, long maxUploadBytes, CancellationToken cancellationToken)
    {
        if (MediaTypes.IsMultipart(request.ContentType))
        {
            var multipart = await MultipartRequestReader.ReadAsync(request, serializer, maxUploadBytes, cancellationToken);
            return Build(multipart.Query, multipart.OperationName, multipart.Variables, multipart.Extensions);
        }

        if (!MediaTypes.IsJsonRequest(request.ContentType))
        {
            throw new BadGraphQLRequestException(StatusCodes.Status415UnsupportedMediaType,
                "Send the request as 'Content-Type: application/json' (UTF-8).");
        }

        if (request.ContentLength > maxBytes)
        {
            throw new BadGraphQLRequestException(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes.");
        }

        // The body in a pooled buffer (a thousand pieces are some 200 KB: a new array each time would be one for the large-object heap).
        var (body, length) = await ReadBoundedAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
        try
        {
            if (length == 0)
            {
                throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, "The request body is empty; send a JSON object with a 'query'.");
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body.AsMemory(0, length), Options);
            }
            catch (JsonException e)
            {
                throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {e.Message}");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a 'query'.");
                }

                var root = document.RootElement;
                return Build(
                    Text(root, "query"),
                    Text(root, "operationName"),
                    Inputs(Map(root, "variables")),
                    Inputs(Map(root, "extensions")));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    public GraphQLRequest ReadGet(HttpRequest request)
    {
        string? Parameter(string name) => request.Query.TryGetValue(name, out var values) && values.Count > 0 && values[0] is { Length: > 0 } v ? v : null;

        return Build(Parameter("query"), Parameter("operationName"), Inputs(ParseMap(Parameter("variables"), "variables")), Inputs(ParseMap(Parameter("extensions"), "extensions")));
    }

    private Inputs? Inputs(JsonElement? map) => map is { } element ? serializer.ReadNode<Inputs>(element) : null;

    private static GraphQLRequest Build(string? query, string? operationName, Inputs? variables, Inputs? extensions)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, "The request has no 'query'.");
        }

        return new GraphQLRequest
        {
            Query = query,
            OperationName = operationName,
            Variables = variables,
            Extensions = extensions,
        };
    }

    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"'{name}' must be a string.");

    private static JsonElement? Map(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Object ? value
        : throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"'{name}' must be a JSON object.");

    private static JsonElement? ParseMap(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return document.RootElement.ValueKind switch
            {
                JsonValueKind.Object => document.RootElement.Clone(),
                JsonValueKind.Null => null,
                _ => throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"'{name}' must be a JSON object."),
            };
        }
        catch (JsonException)
        {
            throw new BadGraphQLRequestException(StatusCodes.Status400BadRequest, $"'{name}' is not valid JSON.");
        }
    }

    // Reads the body into a buffer rented from the shared pool (the caller returns it), refusing more than maxBytes.
    private static async Task<(byte[] Buffer, int Length)> ReadBoundedAsync(Stream from, long? announced, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(announced is > 0 ? (int)Math.Min(announced.Value + 1, maxBytes + 1) : 16 * 1024);
        var length = 0;
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw new BadGraphQLRequestException(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes.");
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
