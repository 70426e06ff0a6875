namespace Dso.Domain.Statuses;

/// <summary>The statuses every new organization starts with, one or more per category.</summary>
public static class StandardStatuses
{
    public static IReadOnlyList<(string Name, StatusCategory Category)> All { get; } =
    [
        ("Relance en cours", StatusCategory.InProgress),
        ("Promesse de règlement", StatusCategory.PaymentPromise),
        ("Litige prix", StatusCategory.Dispute),
        ("Litige technique", StatusCategory.Dispute),
        ("Litige résolu", StatusCategory.DisputeResolved),
        ("Contentieux", StatusCategory.Litigation),
    ];

    public static IEnumerable<Status> For(long organizationId) =>
        All.Select(s => new Status(organizationId, s.Name, s.Category, Status.DefaultFollowUpDays));
}
