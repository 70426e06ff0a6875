using Dso.Domain.Common;

namespace Dso.Domain.Alerts;

/// <summary>
/// An organization's settings of one alert kind (domain-rules §7): whether it raises alerts, and for NOT_DUNNED the
/// least overdue amount, in the main currency, and the days without a done action. Every organization has one per
/// kind, enabled, from its creation.
/// </summary>
public sealed class AlertRule : ITenantOwned
{
    public const int DefaultNotDunnedDays = 15;

    private AlertRule()
    {
    }

    public AlertRule(long organizationId, AlertKind kind)
    {
        (OrganizationId, Kind) = (organizationId, kind);
        if (kind == AlertKind.NotDunned)
        {
            (ThresholdAmount, Days) = (0m, DefaultNotDunnedDays);
        }
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public AlertKind Kind { get; private set; }

    public bool Enabled { get; private set; } = true;

    /// <summary>NOT_DUNNED: the least overdue amount, in the organization's main currency; null for the other kinds.</summary>
    public decimal? ThresholdAmount { get; private set; }

    /// <summary>NOT_DUNNED: days without a done action; null for the other kinds.</summary>
    public int? Days { get; private set; }

    /// <summary>Whether the kind has settings besides <see cref="Enabled"/>.</summary>
    public bool HasThresholds => Kind == AlertKind.NotDunned;

    public static IEnumerable<AlertRule> Defaults(long organizationId) => Enum.GetValues<AlertKind>().Select(k => new AlertRule(organizationId, k));

    internal void Change(bool? enabled, decimal? thresholdAmount, int? days) =>
        (Enabled, ThresholdAmount, Days) = (enabled ?? Enabled, thresholdAmount ?? ThresholdAmount, days ?? Days);
}
