using Dso.Api.GraphQL.Common;
using Dso.Domain.Clients;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>A client to create or update, by code.</summary>
public sealed class ClientInputGraphType : InputObjectGraphType
{
    public ClientInputGraphType()
    {
        Name = "ClientInput";
        Field<NonNullGraphType<StringGraphType>>("code");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("legalId").Description("SIREN (checked), SIRET or another company number.");
        Field<StringGraphType>("vatNumber");
        Field<StringGraphType>("currency").Description("ISO 4217; default: the organization's main currency.");
        Field<StringGraphType>("language").Description("Default: fr.");
        Field<DecimalScalar>("creditLimit");
        Field<DateScalar>("creditLimitReviewDate").Description("When the credit limit is to be reviewed (CREDIT_REVIEW_DUE from that day); like creditLimit, left out clears it.");
        Field<ListGraphType<NonNullGraphType<ContactInputGraphType>>>("contacts").Description("When given, replaces the client's contacts.");
        Field<PostalAddressInputGraphType>("address").Description("Where letters go; when given, replaces the client's address.");
    }

    public static ClientInput From(IDictionary<string, object?> input) => new(
        input.Value<string>("code")!,
        input.Value<string>("name")!,
        input.Value<string>("legalId"),
        input.Value<string>("vatNumber"),
        input.Value<string>("currency"),
        input.Value<string>("language"),
        input.Value<decimal?>("creditLimit"),
        input.TryGetValue("contacts", out var contacts) && contacts is not null
            ? input.Items("contacts").Select(c => new ContactInput(
                c.Value<string>("name"), c.Value<string>("email"), c.Value<string>("phone"), c.Value<string>("language"), c.Value<bool?>("isCollectionContact"))).ToList()
            : null,
        PostalAddressInputGraphType.From(input),
        input.Value<DateOnly?>("creditLimitReviewDate"));
}

/// <summary>A contact of a client input.</summary>
public sealed class ContactInputGraphType : InputObjectGraphType
{
    public ContactInputGraphType()
    {
        Name = "ContactInput";
        Field<StringGraphType>("name");
        Field<StringGraphType>("email");
        Field<StringGraphType>("phone");
        Field<StringGraphType>("language");
        Field<BooleanGraphType>("isCollectionContact");
    }
}

/// <summary>The input of upsertClients.</summary>
public sealed class UpsertClientsInputGraphType : InputObjectGraphType
{
    public UpsertClientsInputGraphType()
    {
        Name = "UpsertClientsInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClientInputGraphType>>>>("clients");
    }
}

/// <summary>The payload of upsertClients.</summary>
public sealed class UpsertClientsPayloadGraphType()
    : PayloadGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<ClientGraphType>>>, IReadOnlyList<Client>>("UpsertClientsPayload", "clients", Array.Empty<Client>());

/// <summary>The input of assignClients and unassignClients.</summary>
public sealed class AssignClientsInputGraphType : InputObjectGraphType
{
    public AssignClientsInputGraphType()
    {
        Name = "AssignClientsInput";
        Field<NonNullGraphType<IdGraphType>>("userId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("clientIds");
    }
}

/// <summary>The clients whose portfolio changed.</summary>
public sealed class AssignClientsPayloadGraphType()
    : PayloadGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<ClientGraphType>>>, IReadOnlyList<Client>>("AssignClientsPayload", "clients", Array.Empty<Client>());
