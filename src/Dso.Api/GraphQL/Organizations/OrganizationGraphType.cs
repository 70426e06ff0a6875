using Dso.Domain.Common;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Organizations;

/// <summary>The caller's organization.</summary>
public sealed class OrganizationGraphType : ObjectGraphType<Organization>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        this.NodeId();
        Field(o => o.Name);
        Field(o => o.MainCurrency).Description("ISO 4217 code every report is converted to.");
        Field(o => o.TimeZone).Description("IANA time zone that decides what \"today\" is.");
        Field<NonNullGraphType<OrganizationSettingsGraphType>>("settings").Resolve(ctx => ctx.Source.Settings);
        Field<NonNullGraphType<LatePenaltySettingsGraphType>>("latePenalty").Resolve(ctx => ctx.Source);
    }
}

/// <summary>How late-payment penalties are computed for the organization.</summary>
public sealed class LatePenaltySettingsGraphType : ObjectGraphType<Organization>
{
    public LatePenaltySettingsGraphType()
    {
        Name = "LatePenaltySettings";
        Field<NonNullGraphType<DecimalScalar>>("annualRatePercent")
            .Description("The rate of today's half-year (of the latest one known while today's is not in the tables yet): the contractual rate, never below three times the legal interest rate, else the ECB rate + 10 points.")
            .ResolveAsync(async ctx => await ctx.Service<ShowPenaltyRate>().ExecuteAsync(ctx.CancellationToken));
        Field<DecimalScalar>("contractualRatePercent").Resolve(ctx => ctx.Source.Settings.ContractualPenaltyRatePercent);
        Field<NonNullGraphType<MoneyGraphType>>("fixedIndemnity").Description("The fixed recovery indemnity per late invoice (D441-5).")
            .Resolve(ctx => new Money(ComputeLatePenalty.FixedIndemnity, "EUR"));
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Resolve(ctx => ctx.Source.Settings.LatePenaltyEnabled);
        Field<NonNullGraphType<EnumerationGraphType<HalfYearPolicy>>>("policy").Resolve(ctx => ctx.Source.Settings.LatePenaltyPolicy);
    }
}
