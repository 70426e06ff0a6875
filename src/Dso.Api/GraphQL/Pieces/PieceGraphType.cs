using Dso.Domain.Common;
using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Api.GraphQL.Statuses;
using Dso.Domain.Pieces;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Pieces;

/// <summary>An open item: invoice, credit note, unapplied payment...</summary>
public sealed class PieceGraphType : ObjectGraphType<Piece>
{
    public PieceGraphType()
    {
        Name = "Piece";
        this.NodeId();
        Field<NonNullGraphType<EnumerationGraphType<PieceType>>>("type").Resolve(ctx => ctx.Source.Type);
        Field(p => p.Number).Description("Unique per organization and type.");
        Field<NonNullGraphType<ClientGraphType>>("client").Resolve(ctx => ctx.Loaders().Clients.Load(ctx.Source.ClientId));
        Field(p => p.IssueDate);
        Field(p => p.DueDate);
        Field<NonNullGraphType<MoneyGraphType>>("amount")
            .Description("Signed from the company's side: credit notes and unapplied payments are negative.")
            .Resolve(ctx => new Money(ctx.Source.Amount, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("openAmount")
            .Description("What is still due; 0 when settled.")
            .Resolve(ctx => new Money(ctx.Source.OpenAmount, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("daysOverdue")
            .Description("Days past the due date today (in the organization's time zone); 0 when not yet due or settled.")
            .ResolveAsync(async ctx => ctx.Source.DaysOverdue((await ctx.Loaders().OrganizationAsync(ctx.CancellationToken)).Today(ctx.Service<TimeProvider>())));
        Field<DateScalar>("settledOn").Description("The date the open amount reached 0.").Resolve(ctx => ctx.Source.SettledOn);
        Field<StatusGraphType>("status").Resolve(ctx => ctx.Source.StatusId is { } id ? ctx.Loaders().Statuses.Load(id) : null);
        Field(p => p.StatusComment, nullable: true);
        Field<PaymentPromiseGraphType>("promise").Resolve(ctx => ctx.Source.PromiseDate is { } date
            ? ctx.Loaders().HistoryOfPiece.Load(ctx.Source.Id).Then(async (changes, ct) =>
            {
                var organization = await ctx.Loaders().OrganizationAsync(ct);
                return new PaymentPromise(date, ctx.Source.PromisedAmount, organization.DateOf(PromiseKeeping.MadeAt(ctx.Source, changes ?? [])), ctx.Source);
            })
            : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusChangeGraphType>>>>("history")
            .Description("Qualifications of the piece, oldest first.")
            .Resolve(ctx => ctx.Loaders().HistoryOfPiece.Load(ctx.Source.Id).Then(h => h ?? []));
    }
}
