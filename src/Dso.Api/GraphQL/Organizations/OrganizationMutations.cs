using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Organizations;

/// <summary>Mutations of the organization (administrators only).</summary>
public static class OrganizationMutations
{
    public static void Register(ObjectGraphType mutation) =>
        MutationFields.Add<UpdateOrganizationSettingsInputGraphType, OrganizationPayloadGraphType, Organization>(mutation, "updateOrganizationSettings",
            "Changes the organization's policy settings; omitted ones stay as they are.", Policies.Admin,
            (ctx, input) => ctx.Service<UpdateOrganizationSettings>().ExecuteAsync(new OrganizationSettingsInput(
                input.Value<bool?>("rejectFileOnErrors"), input.Value<bool?>("qualificationNeedsComment"), input.Value<int?>("staleDays"), input.Value<int?>("minDaysBetweenContacts"),
                input.Value<bool?>("latePenaltyEnabled"), input.Value<HalfYearPolicy?>("latePenaltyPolicy"), input.Value<decimal?>("contractualPenaltyRatePercent"),
                input.Value<string>("defaultLanguage"), input.Value<bool?>("restrictToPortfolio"),
                input.Value<Dictionary<string, object?>>("sendWindow") is { } window
                    ? new SendWindowInput(((IEnumerable<object>)window["days"]!).Cast<DayOfWeek>().ToList(), (string)window["from"]!, (string)window["to"]!)
                    : null,
                input.Value<string>("senderName"), input.Value<string>("replyTo"), Risk.RiskWeightsInputGraphType.From(input.Value<Dictionary<string, object?>>("riskWeights"))),
                ctx.CancellationToken));
}

/// <summary>The input of updateOrganizationSettings.</summary>
public sealed class UpdateOrganizationSettingsInputGraphType : InputObjectGraphType
{
    public UpdateOrganizationSettingsInputGraphType()
    {
        Name = "UpdateOrganizationSettingsInput";
        Field<BooleanGraphType>("rejectFileOnErrors");
        Field<BooleanGraphType>("qualificationNeedsComment");
        Field<IntGraphType>("staleDays");
        Field<IntGraphType>("minDaysBetweenContacts");
        Field<BooleanGraphType>("latePenaltyEnabled");
        Field<EnumerationGraphType<HalfYearPolicy>>("latePenaltyPolicy");
        Field<BooleanGraphType>("restrictToPortfolio");
        Field<StringGraphType>("defaultLanguage").Description("A language code such as fr or en-GB.");
        Field<Messaging.SendWindowInputGraphType>("sendWindow");
        Field<StringGraphType>("senderName").Description("The From display name of customer e-mails; empty goes back to the organization's name.");
        Field<StringGraphType>("replyTo").Description("Where customers' replies go; empty goes back to the collector's address.");
        Field<Risk.RiskWeightsInputGraphType>("riskWeights").Description("The weights of the risk factors, all five; the scores follow at the next change or morning.");
        Field<DecimalScalar>("contractualPenaltyRatePercent").Description("At least three times the legal interest rate; 0 goes back to the legal rate.");
    }
}

/// <summary>The payload of the organization mutations.</summary>
public sealed class OrganizationPayloadGraphType() : PayloadGraphType<OrganizationGraphType, Organization>("OrganizationPayload", "organization");
