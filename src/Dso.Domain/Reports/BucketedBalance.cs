using System.Linq.Expressions;

namespace Dso.Domain.Reports;

/// <summary>A piece's balance on a date with its aging bucket: the SQL row the aged balance groups.</summary>
public sealed class BucketedBalance
{
    public long ClientId { get; init; }

    public string Currency { get; init; } = "";

    public int Bucket { get; init; }

    public decimal Open { get; init; }

    /// <summary>The projection of a balance into its bucket, for <see cref="Queryable.Select{TSource, TResult}(IQueryable{TSource}, Expression{Func{TSource, TResult}})"/>.</summary>
    public static Expression<Func<PieceOnDate, BucketedBalance>> Projection(Expression<Func<PieceOnDate, int>> bucket)
    {
        var piece = bucket.Parameters[0];
        return Expression.Lambda<Func<PieceOnDate, BucketedBalance>>(
            Expression.MemberInit(
                Expression.New(typeof(BucketedBalance)),
                Expression.Bind(typeof(BucketedBalance).GetProperty(nameof(ClientId))!, Expression.Property(piece, nameof(PieceOnDate.ClientId))),
                Expression.Bind(typeof(BucketedBalance).GetProperty(nameof(Currency))!, Expression.Property(piece, nameof(PieceOnDate.Currency))),
                Expression.Bind(typeof(BucketedBalance).GetProperty(nameof(Bucket))!, bucket.Body),
                Expression.Bind(typeof(BucketedBalance).GetProperty(nameof(Open))!, Expression.Property(piece, nameof(PieceOnDate.Open)))),
            piece);
    }
}
