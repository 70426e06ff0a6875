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
}
