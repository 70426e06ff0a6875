using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Penalties;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Penalties;

/// <summary>The late-payment rate tables: read by everyone, extended by administrators.</summary>
public static class PenaltyRateFields
{
    public static void RegisterQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PenaltyRateGraphType>>>>("penaltyRates")
            .Description("The rate tables by half-year: the built-in ones, with the organization's additions and corrections over them.")
            .ResolveAsync(async ctx => await ctx.Service<ListPenaltyRates>().ExecuteAsync(ctx.CancellationToken));

    public static void RegisterMutations(ObjectGraphType mutation) =>
        MutationFields.Add<UpsertPenaltyRatesInputGraphType, UpsertPenaltyRatesPayloadGraphType, IReadOnlyList<PenaltyRateRow>>(mutation, "upsertPenaltyRates",
            "Adds half-years to the rate tables or corrects one (the same half-year replaces its rates).", Policies.Admin,
            (ctx, input) => ctx.Service<UpsertPenaltyRates>().ExecuteAsync(
                input.Items("rates").Select(r => new PenaltyRateInput(r.Value<DateOnly>("from"), r.Value<decimal>("penaltyRatePercent"), r.Value<decimal>("legalInterestRatePercent"))).ToList(),
                ctx.CancellationToken));
}

/// <summary>A half-year of the rate tables.</summary>
public sealed class PenaltyRateGraphType : ObjectGraphType<PenaltyRateRow>
{
    public PenaltyRateGraphType()
    {
        Name = "PenaltyRate";
        Field<NonNullGraphType<DateScalar>>("from").Description("1 January or 1 July.").Resolve(ctx => ctx.Source.From);
        Field<NonNullGraphType<DateScalar>>("to").Description("30 June or 31 December.").Resolve(ctx => ctx.Source.To);
        Field<NonNullGraphType<DecimalScalar>>("penaltyRatePercent").Description("The legal late-payment rate: the ECB rate + 10 points.")
            .Resolve(ctx => ctx.Source.Rates.PenaltyPercent);
        Field<NonNullGraphType<DecimalScalar>>("legalInterestRatePercent").Description("The legal interest rate for professional creditors; a contractual rate is at least three times it.")
            .Resolve(ctx => ctx.Source.Rates.LegalInterestPercent);
        Field(r => r.BuiltIn).Description("Shipped with Dso (false: added or corrected by an administrator).");
    }
}

/// <summary>A half-year's rates to record.</summary>
public sealed class PenaltyRateInputGraphType : InputObjectGraphType
{
    public PenaltyRateInputGraphType()
    {
        Name = "PenaltyRateInput";
        Field<NonNullGraphType<DateScalar>>("from").Description("The half-year's first day: 1 January or 1 July.");
        Field<NonNullGraphType<DecimalScalar>>("penaltyRatePercent");
        Field<NonNullGraphType<DecimalScalar>>("legalInterestRatePercent");
    }
}

/// <summary>The input of upsertPenaltyRates.</summary>
public sealed class UpsertPenaltyRatesInputGraphType : InputObjectGraphType
{
    public UpsertPenaltyRatesInputGraphType()
    {
        Name = "UpsertPenaltyRatesInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PenaltyRateInputGraphType>>>>("rates");
    }
}

/// <summary>The half-years recorded.</summary>
public sealed class UpsertPenaltyRatesPayloadGraphType()
    : PayloadGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<PenaltyRateGraphType>>>, IReadOnlyList<PenaltyRateRow>>(
        "UpsertPenaltyRatesPayload", "rates", Array.Empty<PenaltyRateRow>());
