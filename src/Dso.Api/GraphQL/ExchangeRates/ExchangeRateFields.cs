using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Persistence;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.ExchangeRates;

/// <summary>The exchange-rate table: read by everyone, written by administrators.</summary>
public static class ExchangeRateFields
{
    public static void RegisterQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ExchangeRateGraphType>>>>("exchangeRates")
            .Description("The organization's exchange rates to its main currency, by currency then date.")
            .Argument<StringGraphType>("currency")
            .ResolveAsync(async ctx =>
                await ctx.Service<ListExchangeRates>().ExecuteAsync(ctx.GetArgument<string?>("currency"), ctx.CancellationToken));

    public static void RegisterMutations(ObjectGraphType mutation) =>
        MutationFields.Add<UpsertExchangeRatesInputGraphType, UpsertExchangeRatesPayloadGraphType, IReadOnlyList<ExchangeRate>>(
            mutation, "upsertExchangeRates", "Records dated rates to the main currency (the same currency and date replaces the rate).",
            Policies.Admin,
            (ctx, input) => ctx.Service<UpsertExchangeRates>().ExecuteAsync(
                input.Items("rates").Select(r => new ExchangeRateInput(r.Value<string>("currency")!, r.Value<DateOnly>("date"), r.Value<decimal>("rate"))).ToList(),
                ctx.CancellationToken));
}
