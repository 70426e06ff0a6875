using Dso.Api.GraphQL.Common;
using Dso.Domain.Clients;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>Filters of the clients list.</summary>
public sealed class ClientFilterInputType : InputObjectGraphType
{
    public ClientFilterInputType()
    {
        Name = "ClientFilter";
        Field<StringGraphType>("search").Description("Case-insensitive substring of the client's code, name or legal id.");
        Field<BooleanGraphType>("overdue");
        Field<BooleanGraphType>("overCreditLimit");
        Field<IdGraphType>("scenarioId");
        Field<BooleanGraphType>("assignedToMe").Description("Only the clients assigned to the caller (their portfolio).");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<Dso.Domain.Risk.RiskClass>>>>("riskClasses").Description("Only scored clients of these risk classes.");
        Field<IntGraphType>("minRiskScore").Description("Only scored clients whose risk score is at least this.");
        Field<IntGraphType>("maxRiskScore").Description("Only scored clients whose risk score is at most this.");
    }

    public static ClientFilter? From(IDictionary<string, object?>? input, long userId) => input is null
        ? null
        : new ClientFilter(
            input.Value<string>("search"),
            input.Value<bool?>("overdue"),
            input.Value<bool?>("overCreditLimit"),
            input.ContainsKey("scenarioId") ? GlobalId.DecodeAs("Scenario", input.Value<string>("scenarioId")) ?? -1 : null,
            input.Value<bool?>("assignedToMe") == true ? userId : null,
            input.Value<IEnumerable<object>>("riskClasses")?.Cast<Dso.Domain.Risk.RiskClass>().ToList(),
            input.Value<int?>("minRiskScore"),
            input.Value<int?>("maxRiskScore"));
}
