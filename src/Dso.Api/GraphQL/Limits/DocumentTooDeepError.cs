using GraphQL.Execution;

namespace Dso.Api.GraphQL.Limits;

/// <summary>A document nested deeper than the parser reads (answered 400 like any invalid document).</summary>
public sealed class DocumentTooDeepError : DocumentError
{
    public DocumentTooDeepError()
        : base("The document is nested too deeply to be read.") => Code = "QUERY_TOO_DEEP";
}
