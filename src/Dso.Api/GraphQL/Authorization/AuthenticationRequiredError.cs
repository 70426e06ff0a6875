using GraphQL.Validation;
using GraphQLParser.AST;

namespace Dso.Api.GraphQL.Authorization;

/// <summary>Data asked for without credentials: answered 401.</summary>
public sealed class AuthenticationRequiredError : ValidationError
{
    public AuthenticationRequiredError(ASTNode node)
        : base(default, "UNAUTHENTICATED", "Authentication required: send 'Authorization: Bearer <API key>'.", node) =>
        Code = "UNAUTHENTICATED";
}
