using Dso.Api.GraphQL.Common;
using Dso.Domain.Users;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Users;

/// <summary>A person or an integration acting in the organization.</summary>
public sealed class UserGraphType : ObjectGraphType<User>
{
    public UserGraphType()
    {
        Name = "User";
        this.NodeId();
        Field(u => u.Name);
        Field(u => u.Email);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGraphType>>>>("roles")
            .Resolve(ctx => Enum.GetValues<Role>().Where(r => r != Role.None && ctx.Source.Roles.HasFlag(r)));
        Field(u => u.Subject, nullable: true).Description("The user's subject at the identity provider, if tokens are matched by it.");
        Field(u => u.Archived).Description("Removed from the organization: cannot sign in; their history stays.");
    }
}
