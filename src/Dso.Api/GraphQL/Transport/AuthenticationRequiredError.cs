using GraphQL.Validation;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Transport;

/// <summary>Data asked for without credentials: answered 401.</summary>
public sealed class AuthenticationRequiredError(ASTNode node)
    : ValidationError(default, "UNAUTHENTICATED", "Authentication required: send 'Authorization: Bearer <API key>'.", node);
