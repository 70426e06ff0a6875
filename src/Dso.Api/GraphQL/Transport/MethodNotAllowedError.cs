using GraphQL.Validation;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Transport;

/// <summary>A mutation sent over GET: answered 405 with <c>Allow: POST</c>, never executed.</summary>
public sealed class MethodNotAllowedError(GraphQLOperationDefinition operation)
    : ValidationError(default, "HTTP_METHOD_NOT_ALLOWED", $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.", operation);
