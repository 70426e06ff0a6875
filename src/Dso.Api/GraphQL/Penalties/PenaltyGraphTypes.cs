using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Pieces;
using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Penalties;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Penalties;

/// <summary>A client's late-payment penalties on a date.</summary>
public sealed class LatePenaltiesGraphType : ObjectGraphType<LatePenalties>
{
    public LatePenaltiesGraphType()
    {
        Name = "LatePenalties";
        Field(p => p.AsOf);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PenaltyLineGraphType>>>>("lines").Resolve(ctx => ctx.Source.Lines);
        Field<NonNullGraphType<MoneyGraphType>>("totalInterest").Description("In the main currency, at the rates of asOf.").Resolve(ctx => ctx.Source.TotalInterest);
        Field<NonNullGraphType<MoneyGraphType>>("totalIndemnity").Resolve(ctx => ctx.Source.TotalIndemnity);
    }
}

/// <summary>The penalties of one late piece.</summary>
public sealed class PenaltyLineGraphType : ObjectGraphType<(Piece Piece, PenaltyLine Line)>
{
    public PenaltyLineGraphType()
    {
        Name = "PenaltyLine";
        Field<NonNullGraphType<PieceGraphType>>("piece").Resolve(ctx => ctx.Source.Piece);
        Field<NonNullGraphType<IntGraphType>>("daysLate").Resolve(ctx => ctx.Source.Line.DaysLate);
        Field<NonNullGraphType<MoneyGraphType>>("interest").Description("Simple interest, rounded once to the cent.")
            .Resolve(ctx => new Money(ctx.Source.Line.Interest, ctx.Source.Piece.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("indemnity").Description("The fixed recovery indemnity (40 EUR), once per late invoice.")
            .Resolve(ctx => new Money(ctx.Source.Line.Indemnity, ctx.Source.Piece.Currency));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PenaltyRateSegmentGraphType>>>>("segments")
            .Resolve(ctx => ctx.Source.Line.Segments.Select(s => (s, ctx.Source.Piece.Currency)));
    }
}

/// <summary>Late days at one rate on one balance.</summary>
public sealed class PenaltyRateSegmentGraphType : ObjectGraphType<(PenaltySegment Segment, string Currency)>
{
    public PenaltyRateSegmentGraphType()
    {
        Name = "PenaltyRateSegment";
        Field<NonNullGraphType<DateScalar>>("from").Resolve(ctx => ctx.Source.Segment.From);
        Field<NonNullGraphType<DateScalar>>("to").Resolve(ctx => ctx.Source.Segment.To);
        Field<NonNullGraphType<DecimalScalar>>("annualRatePercent").Resolve(ctx => ctx.Source.Segment.AnnualRatePercent);
        Field<NonNullGraphType<MoneyGraphType>>("base").Resolve(ctx => new Money(ctx.Source.Segment.Base, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("This segment's interest, rounded for display (the line's interest is rounded once).")
            .Resolve(ctx => new Money(Rounding.Amount(ctx.Source.Segment.Interest), ctx.Source.Currency));
    }
}
