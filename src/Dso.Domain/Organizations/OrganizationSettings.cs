namespace Dso.Domain.Organizations;

/// <summary>Policy choices of an organization, with the defaults of domain-rules.md.</summary>
public sealed class OrganizationSettings
{
    /// <summary>One invalid row rejects the whole imported file.</summary>
    public bool RejectFileOnErrors { get; set; } = true;

    /// <summary>A piece counts as qualified only when its status carries a comment.</summary>
    public bool QualificationNeedsComment { get; set; }

    /// <summary>Automatic actions older than this many days are left to a person instead of sent.</summary>
    public int StaleDays { get; set; } = 15;

    /// <summary>Users who are not administrators see only the clients of their portfolio, and those clients' pieces, actions and alerts.</summary>
    public bool RestrictToPortfolio { get; set; }

    /// <summary>Minimum number of days between two contacts with one client.</summary>
    public int MinDaysBetweenContacts { get; set; }

    /// <summary>Late-payment penalties are computed for the organization's clients.</summary>
    public bool LatePenaltyEnabled { get; set; } = true;

    /// <summary>Which half-year's rate applies to a late day.</summary>
    public Penalties.HalfYearPolicy LatePenaltyPolicy { get; set; } = Penalties.HalfYearPolicy.Split;

    /// <summary>The language of messages to a client whose contact and own language have no translation.</summary>
    public string DefaultLanguage { get; set; } = "fr";

    /// <summary>A contractual annual rate replacing the legal one (never below three times the legal interest rate); null: the legal rate.</summary>
    public decimal? ContractualPenaltyRatePercent { get; set; }

    /// <summary>The days of the send window, one bit per <see cref="DayOfWeek"/> (default Monday to Friday).</summary>
    public int SendDays { get; set; } = Messaging.SendWindow.Default.DayBits;

    public TimeOnly SendFrom { get; set; } = Messaging.SendWindow.Default.From;

    public TimeOnly SendTo { get; set; } = Messaging.SendWindow.Default.To;

    /// <summary>The From display name of customer e-mails (null: the organization's name).</summary>
    public string? SenderName { get; set; }

    /// <summary>Where customers' replies go (null: the collector's address, when the client has one).</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The weights of the risk factors (domain-rules §7; see <see cref="Risk.RiskWeights.Default"/>).</summary>
    public decimal RiskWeightAverageDaysLate { get; set; } = Risk.RiskWeights.Default.AverageDaysLate;

    public decimal RiskWeightOverdueShare { get; set; } = Risk.RiskWeights.Default.OverdueShare;

    public decimal RiskWeightDisputedShare { get; set; } = Risk.RiskWeights.Default.DisputedShare;

    public decimal RiskWeightCreditLimitUse { get; set; } = Risk.RiskWeights.Default.CreditLimitUse;

    public decimal RiskWeightBrokenPromises { get; set; } = Risk.RiskWeights.Default.BrokenPromises;

    public Risk.RiskWeights RiskWeights
    {
        get => new(RiskWeightAverageDaysLate, RiskWeightOverdueShare, RiskWeightDisputedShare, RiskWeightCreditLimitUse, RiskWeightBrokenPromises);
        set => (RiskWeightAverageDaysLate, RiskWeightOverdueShare, RiskWeightDisputedShare, RiskWeightCreditLimitUse, RiskWeightBrokenPromises) =
            (value.AverageDaysLate, value.OverdueShare, value.DisputedShare, value.CreditLimitUse, value.BrokenPromises);
    }

    /// <summary>When messages may go out, in the organization's time zone.</summary>
    public Messaging.SendWindow SendWindow => new(Messaging.SendWindow.DaysOf(SendDays), SendFrom, SendTo);
}
