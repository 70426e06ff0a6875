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

/// <summary>What each category means for dunning (domain-rules §3).</summary>
public static class StatusCategories
{
    /// <summary>Promises, disputes and litigation take pieces out of the scenario, with a follow-up action.</summary>
    public static bool LeavesScenario(this StatusCategory category) =>
        category is StatusCategory.PaymentPromise or StatusCategory.Dispute or StatusCategory.Litigation;
}
