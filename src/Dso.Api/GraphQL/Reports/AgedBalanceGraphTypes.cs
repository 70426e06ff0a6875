using Dso.Domain.Common;
using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.Users;
using Dso.Domain.Common.Paging;
using Dso.Domain.Reports;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Reports;

/// <summary>The aged balance.</summary>
public sealed class AgedBalanceGraphType : ObjectGraphType<AgedBalance>
{
    public AgedBalanceGraphType()
    {
        Name = "AgedBalance";
        Field(r => r.AsOf);
        Field<NonNullGraphType<MoneyGraphType>>("total").Description("Receivables: debits and credits.").Resolve(ctx => new Money(ctx.Source.Total, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("overdue").Resolve(ctx => new Money(ctx.Source.Overdue, ctx.Source.Currency));
        Field<NonNullGraphType<DecimalScalar>>("lateRate").Description("Overdue ÷ open debits, 0 to 1, four decimals.").Resolve(ctx => DecimalScalar.Fixed(ctx.Source.LateRate, 4));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgedBalanceBucketGraphType>>>>("buckets")
            .Resolve(ctx => ctx.Source.Amounts.Select(b => (b, ctx.Source.Currency)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgedBalanceGroupGraphType>>>>("collectors")
            .Description("The lines summed per assigned collector, largest first; the clients without a collector last (collector null).")
            .ResolveAsync(async ctx => (await ctx.Service<ListAgedBalanceRows>().ByCollectorAsync(ctx.Source, ctx.CancellationToken)).Select(g => (g, ctx.Source.Currency)));
        Field<NonNullGraphType<ConnectionGraphType<AgedBalanceRowGraphType, (AgedBalanceRow, string)>>>("rows")
            .Description("One line per client with an open balance, largest outstanding first unless ordered otherwise.")
            .Paged()
            .Argument<AgedBalanceRowOrderInputType>("orderBy")
            .ResolveAsync(async ctx =>
            {
                var order = ctx.GetArgument<Dictionary<string, object?>?>("orderBy");
                var bucket = order?.Value<int?>("bucket");
                if (bucket is { } index && (index < 0 || index >= ctx.Source.Amounts.Count))
                {
                    throw new ExecutionError($"orderBy.bucket is an index in buckets, 0 to {ctx.Source.Amounts.Count - 1}.") { Code = "INVALID_ARGUMENT" };
                }

                var page = await ctx.Service<ListAgedBalanceRows>().ExecuteAsync(
                    ctx.Source, bucket, order?.Value<bool?>("direction") ?? true, ctx.PageRequest(), ctx.CancellationToken);
                return page.Map(r => (r, ctx.Source.Currency));
            });
    }
}

/// <summary>How aged-balance rows are ordered: by one bucket (its index in <c>buckets</c>) or by the outstanding amount.</summary>
public sealed class AgedBalanceRowOrderInputType : InputObjectGraphType
{
    public AgedBalanceRowOrderInputType()
    {
        Name = "AgedBalanceRowOrder";
        Field<IntGraphType>("bucket").Description("Index of the bucket to sort by; omitted, the outstanding amount.");
        Field<NonNullGraphType<OrderDirectionGraphType>>("direction").DefaultValue(true);
    }
}

/// <summary>One bucket of days overdue.</summary>
public sealed class AgedBalanceBucketGraphType : ObjectGraphType<(AgedBucket Bucket, string Currency)>
{
    public AgedBalanceBucketGraphType()
    {
        Name = "AgedBalanceBucket";
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(ctx => ctx.Source.Bucket.Label);
        Field<IntGraphType>("fromDays").Resolve(ctx => ctx.Source.Bucket.FromDays);
        Field<IntGraphType>("toDays").Resolve(ctx => ctx.Source.Bucket.ToDays);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Resolve(ctx => new Money(ctx.Source.Bucket.Amount, ctx.Source.Currency));
        Field<NonNullGraphType<IntGraphType>>("count").Description("Open pieces in the bucket.").Resolve(ctx => ctx.Source.Bucket.Count);
    }
}

/// <summary>One client's line.</summary>
public sealed class AgedBalanceRowGraphType : ObjectGraphType<(AgedBalanceRow Row, string Currency)>
{
    public AgedBalanceRowGraphType()
    {
        Name = "AgedBalanceRow";
        Field<NonNullGraphType<ClientGraphType>>("client").Resolve(ctx => ctx.Loaders().Clients.Load(ctx.Source.Row.ClientId));
        Field<NonNullGraphType<MoneyGraphType>>("outstanding").Resolve(ctx => new Money(ctx.Source.Row.Outstanding, ctx.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("unapplied")
            .Description("The client's unapplied payments on the date (negative): not receivables, so outside the buckets and outstanding; outstanding plus unapplied is what Client.outstanding counts.")
            .Resolve(ctx => new Money(ctx.Source.Row.Unapplied, ctx.Source.Currency));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgedBalanceBucketGraphType>>>>("buckets")
            .Resolve(ctx => ctx.Source.Row.Buckets.Select(b => (b, ctx.Source.Currency)));
    }
}

/// <summary>One collector's portfolio in the aged balance.</summary>
public sealed class AgedBalanceGroupGraphType : ObjectGraphType<(AgedBalanceGroup Group, string Currency)>
{
    public AgedBalanceGroupGraphType()
    {
        Name = "AgedBalanceGroup";
        Field<UserGraphType>("collector").Resolve(ctx => ctx.Source.Group.CollectorId is { } id ? ctx.Loaders().Users.Load(id) : null);
        Field<NonNullGraphType<IntGraphType>>("clients").Description("Clients with an open balance.").Resolve(ctx => ctx.Source.Group.Clients);
        Field<NonNullGraphType<MoneyGraphType>>("outstanding").Resolve(ctx => new Money(ctx.Source.Group.Outstanding, ctx.Source.Currency));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgedBalanceBucketGraphType>>>>("buckets")
            .Resolve(ctx => ctx.Source.Group.Buckets.Select(b => (b, ctx.Source.Currency)));
    }
}
