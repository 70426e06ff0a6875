using Dso.Domain.Common;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Common;

/// <summary>Bad input in a mutation, with the path of the input field it concerns.</summary>
public sealed class UserErrorGraphType : ObjectGraphType<UserError>
{
    public UserErrorGraphType()
    {
        Name = "UserError";
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field")
            .Description("Path of the input field, from the mutation's argument: [\"input\", \"pieces\", \"3\", \"amount\"].")
            .Resolve(ctx => ctx.Source.Field.Count == 0 ? null : ctx.Source.Field.Prepend("input"));
        Field(e => e.Message);
        Field<NonNullGraphType<EnumerationGraphType<UserErrorCode>>>("code").Resolve(ctx => ctx.Source.Code);
    }
}
