using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Organizations;

/// <summary>The organization's policy settings (domain-rules defaults).</summary>
public sealed class OrganizationSettingsGraphType : ObjectGraphType<OrganizationSettings>
{
    public OrganizationSettingsGraphType()
    {
        Name = "OrganizationSettings";
        Field(s => s.RejectFileOnErrors).Description("One invalid row rejects an imported file (default true).");
        Field(s => s.QualificationNeedsComment).Description("A piece counts as qualified only with a comment (default false).");
        Field(s => s.StaleDays).Description("Automatic actions older than this are left to a person (default 15).");
        Field(s => s.MinDaysBetweenContacts).Description("Minimum days between two contacts with a client (default 0).");
        Field(s => s.RestrictToPortfolio).Description("Users who are not administrators see only their portfolio's clients, and those clients' pieces, actions and alerts (default false).");
        Field(s => s.DefaultLanguage).Description("The language of messages when neither the contact's nor the client's has a translation (default fr).");
        Field<NonNullGraphType<Messaging.SendWindowGraphType>>("sendWindow").Description("When messages may go out (default MONDAY to FRIDAY, 08:00 to 19:00).").Resolve(ctx => ctx.Source.SendWindow);
        Field(s => s.SenderName, nullable: true).Description("The From display name of customer e-mails (default: the organization's name).");
        Field(s => s.ReplyTo, nullable: true).Description("Where customers' replies go (default: the collector's address when the client has one).");
        Field<NonNullGraphType<Risk.RiskWeightsGraphType>>("riskWeights").Description("How much each factor counts in the clients' risk scores.").Resolve(ctx => ctx.Source.RiskWeights);
        Field<NonNullGraphType<EnumerationGraphType<HalfYearPolicy>>>("latePenaltyPolicy")
            .Description("SPLIT: each late day at its half-year's rate (default); AT_DUE_DATE: every day at the due date's.").Resolve(ctx => ctx.Source.LatePenaltyPolicy);
    }
}
