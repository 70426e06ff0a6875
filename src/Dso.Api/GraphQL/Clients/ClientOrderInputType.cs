using Dso.Domain.Clients;
using Dso.Domain.Common.Paging;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>One ordering of the clients list.</summary>
public sealed class ClientOrderInputType : InputObjectGraphType
{
    public ClientOrderInputType()
    {
        Name = "ClientOrder";
        Field<NonNullGraphType<EnumerationGraphType<ClientOrderField>>>("field");
        Field<NonNullGraphType<Common.OrderDirectionGraphType>>("direction");
    }

    public static IReadOnlyList<SortOrder<ClientOrderField>>? From(IEnumerable<object?>? input) =>
        input?.OfType<IDictionary<string, object?>>()
            .Select(o => new SortOrder<ClientOrderField>((ClientOrderField)o["field"]!, (bool)o["direction"]!))
            .ToList();
}
