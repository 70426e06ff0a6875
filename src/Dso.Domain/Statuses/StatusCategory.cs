namespace Dso.Domain.Statuses;

/// <summary>The five fixed categories every status belongs to.</summary>
public enum StatusCategory
{
    InProgress,
    PaymentPromise,
    Dispute,
    DisputeResolved,
    Litigation,
}
