using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Limits;

/// <summary>
/// A first, linear pass over a new document before GraphQL.NET parses and validates it (validation grows faster
/// than the document): its tokens are counted as they are read, stopping at the bound, then its fields and
/// aliases. Over a bound, the request is answered 400 <c>DOCUMENT_TOO_LARGE</c> and nothing else runs. Documents
/// from the cache passed already. The request's timeout covers this pass too.
/// </summary>
public sealed class DocumentBounds(IOptions<LimitOptions> limits) : IConfigureExecution
{
    public float SortOrder => 210;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } query && Check(query, limits.Value, options.CancellationToken) is { } error)
        {
            return new ExecutionResult { Errors = [error] };
        }

        return await next(options);
    }

    /// <summary>The bound the document breaks, or null (also for a document that does not parse: the parser says why).</summary>
    public static DocumentError? Check(string query, LimitOptions bounds, CancellationToken cancellationToken)
    {
        try
        {
            var tokens = 0;
            for (var token = Lexer.Lex(query); token.Kind != TokenKind.EOF; token = Lexer.Lex(query, token.End))
            {
                if (++tokens > bounds.MaxTokens)
                {
                    return new DocumentTooLargeError($"The document has more than {bounds.MaxTokens} tokens.");
                }

                if (tokens % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            var (fields, aliases) = Count(Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.All }));
            return fields > bounds.MaxFields ? new DocumentTooLargeError($"The document selects more than {bounds.MaxFields} fields.")
                : aliases > bounds.MaxAliases ? new DocumentTooLargeError($"The document has more than {bounds.MaxAliases} aliases.")
                : null;
        }
        catch (GraphQLParserException)
        {
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DocumentTooLargeError("The document took longer than the request's time limit to read.");
        }
    }

    private static (int Fields, int Aliases) Count(GraphQLDocument document)
    {
        var (fields, aliases) = (0, 0);
        var pending = new Stack<GraphQLSelectionSet>(document.Definitions.OfType<IHasSelectionSetNode>().Select(d => d.SelectionSet).OfType<GraphQLSelectionSet>());
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                if (selection is GraphQLField field)
                {
                    fields++;
                    aliases += field.Alias is null ? 0 : 1;
                }

                if (selection is IHasSelectionSetNode { SelectionSet: { } inner })
                {
                    pending.Push(inner);
                }
            }
        }

        return (fields, aliases);
    }
}

/// <summary>A document over one of <see cref="DocumentBounds"/>' bounds (answered 400 like any invalid document).</summary>
public sealed class DocumentTooLargeError : DocumentError
{
    public DocumentTooLargeError(string message)
        : base(message) => Code = "DOCUMENT_TOO_LARGE";
}
