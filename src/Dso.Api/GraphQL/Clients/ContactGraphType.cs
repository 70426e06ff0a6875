using Dso.Api.GraphQL.Common;
using Dso.Domain.Clients;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>A person to reach at a client.</summary>
public sealed class ContactGraphType : ObjectGraphType<Contact>
{
    public ContactGraphType()
    {
        Name = "Contact";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode("Contact", ctx.Source.Id));
        Field(c => c.Name, nullable: true);
        Field(c => c.Email, nullable: true);
        Field(c => c.Phone, nullable: true);
        Field(c => c.Language);
        Field(c => c.IsCollectionContact).Description("Receives the dunning messages.");
    }
}
