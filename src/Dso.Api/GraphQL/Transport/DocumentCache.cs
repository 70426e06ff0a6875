using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Transport;

/// <summary>
/// Parsed documents by their text, kept once a request with them passed validation, so that a client's
/// repeated queries skip parsing and the specification's rules; the executer then runs only
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (see <see cref="RequestRules"/>).
/// Bounded by the total length of the texts kept.
/// </summary>
public sealed class DocumentCache(IOptions<TransportOptions> options) : IConfigureExecution, IDisposable
{
    private readonly MemoryCache documents = new(new MemoryCacheOptions { SizeLimit = options.Value.DocumentCacheChars });

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (documents.TryGetValue(query, out GraphQLDocument? cached))
        {
            options.Document = cached;
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } parsed)
        {
            documents.Set(query, parsed, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return result;
    }

    public void Dispose() => documents.Dispose();
}
