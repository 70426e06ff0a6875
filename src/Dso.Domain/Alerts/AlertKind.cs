namespace Dso.Domain.Alerts;

/// <summary>What an alert warns about.</summary>
public enum AlertKind
{
    BrokenPromise,
    NotDunned,
    OverCreditLimit,
    RiskDegraded,
    NewDispute,
    SyncFailed,

    /// <summary>A client's credit limit is due for review (its review date has come).</summary>
    CreditReviewDue,

    /// <summary>A webhook was disabled after its deliveries failed for a day.</summary>
    WebhookDisabled,
}
