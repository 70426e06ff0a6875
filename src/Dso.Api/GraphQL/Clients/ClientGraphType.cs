using Dso.Domain.Common;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Api.GraphQL.Pieces;
using Dso.Api.GraphQL.Scenarios;
using Dso.Api.GraphQL.Users;
using Dso.Domain.Clients;
using Dso.Domain.Pieces;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Clients;

/// <summary>A customer of the organization.</summary>
public sealed class ClientGraphType : ObjectGraphType<Client>
{
    public ClientGraphType()
    {
        Name = "Client";
        this.NodeId();
        Field(c => c.Code).Description("The customer code in the source system; unique per organization.");
        Field(c => c.Name).Description("Raison sociale.");
        Field(c => c.LegalId, nullable: true).Description("SIREN or another company number.");
        Field(c => c.VatNumber, nullable: true);
        Field(c => c.Currency);
        Field(c => c.Language);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContactGraphType>>>>("contacts")
            .Resolve(ctx => ctx.Loaders().ContactsOfClient.Load(ctx.Source.Id).Then(c => c ?? []));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserGraphType>>>>("assignedUsers")
            .Description("The users whose portfolio holds this client (at most one of them a collector).")
            .Resolve(ctx => ctx.Loaders().UsersOfClient.Load(ctx.Source.Id).Then(u => u ?? []));
        Field(c => c.Paused).Description("Dunning is paused: the scenario plans nothing for the client.");
        Field(c => c.PausedUntil, nullable: true).Description("The last day of the pause; null while paused: until resumed.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Actions.OverrideGraphType>>>>("overrides")
            .Description("Skipped and postponed actions, pauses and resumptions, latest first.")
            .Resolve(ctx => ctx.Loaders().OverridesOfClient.Load(ctx.Source.Id).Then(o => o ?? []));
        Field<ScenarioGraphType>("scenario")
            .Description("The scenario assigned to this client; null when it follows the default.")
            .Resolve(ctx => ctx.Source.ScenarioId is { } id ? ctx.Loaders().Scenarios.Load(id) : null);
        Field<PostalAddressGraphType>("address").Description("Where letters go; null until a source gives one.").Resolve(ctx => ctx.Source.Address);
        Field<MoneyGraphType>("creditLimit")
            .Resolve(ctx => ctx.Source.CreditLimit is { } limit ? new Money(limit, ctx.Source.Currency) : null);
        Field<DateScalar>("creditLimitReviewDate").Description("When the credit limit is to be reviewed: CREDIT_REVIEW_DUE is raised from that day.").Resolve(ctx => ctx.Source.CreditLimitReviewDate);
        Field<Risk.RiskScoreGraphType>("risk").Description("The latest risk score and its factors; null until first computed.")
            .Resolve(ctx => ctx.Loaders().RiskOfClient.Load(ctx.Source.Id));
        Field<IntGraphType>("riskScore").Description("0 (worst) to 100 (best): risk.score.")
            .Resolve(ctx => ctx.Loaders().RiskOfClient.Load(ctx.Source.Id).Then(r => r?.Score));
        Field<NonNullGraphType<MoneyGraphType>>("outstanding")
            .Description("Sum of open amounts, net of credits, in the main currency (at today's exchange rates).")
            .Resolve(ctx => Balance(ctx, overdue: false));
        Field<NonNullGraphType<MoneyGraphType>>("overdue")
            .Description("The part of outstanding past its due date, in the main currency (at today's exchange rates).")
            .Resolve(ctx => Balance(ctx, overdue: true));
        Field<NonNullGraphType<ConnectionGraphType<PieceGraphType, Piece>>>("pieces")
            .Argument<PieceFilterInputType>("filter")
            .Argument<ListGraphType<NonNullGraphType<PieceOrderInputType>>>("orderBy")
            .Paged()
            .ResolveAsync(async ctx => await PieceQueries.ListAsync(ctx, ctx.Source.Id));
    }

    // Summed per currency in one grouped query per level of the tree, converted at today's rates.
    private static IDataLoaderResult<Money> Balance(IResolveFieldContext<Client> context, bool overdue) =>
        context.Loaders().ClientBalances.Load(context.Source.Id).Then(async (balances, ct) =>
        {
            var rates = await context.Loaders().TodaysRatesAsync(ct);
            return new Money(rates.Total((balances ?? []).Select(b => (b.Currency, overdue ? b.Overdue : b.Outstanding))), rates.MainCurrency);
        });
}
