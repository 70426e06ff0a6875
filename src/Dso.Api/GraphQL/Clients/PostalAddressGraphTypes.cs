using Dso.Api.GraphQL.Common;
using Dso.Domain.Clients;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>A client's postal address, where letters go.</summary>
public sealed class PostalAddressGraphType : ObjectGraphType<PostalAddress>
{
    public PostalAddressGraphType()
    {
        Name = "PostalAddress";
        Field(a => a.Line1);
        Field(a => a.Line2, nullable: true);
        Field(a => a.PostalCode);
        Field(a => a.City);
        Field(a => a.Country).Description("ISO 3166 alpha-2.");
    }
}

/// <summary>A postal address to set on a client.</summary>
public sealed class PostalAddressInputGraphType : InputObjectGraphType
{
    public PostalAddressInputGraphType()
    {
        Name = "PostalAddressInput";
        Field<NonNullGraphType<StringGraphType>>("line1");
        Field<StringGraphType>("line2");
        Field<NonNullGraphType<StringGraphType>>("postalCode");
        Field<NonNullGraphType<StringGraphType>>("city");
        Field<StringGraphType>("country").DefaultValue("FR").Description("ISO 3166 alpha-2.");
    }

    public static PostalAddressInput? From(IDictionary<string, object?> input) =>
        input.TryGetValue("address", out var value) && value is IDictionary<string, object?> address
            ? new(address.Value<string>("line1"), address.Value<string>("line2"), address.Value<string>("postalCode"), address.Value<string>("city"), address.Value<string>("country"))
            : null;
}
