namespace Dso.Domain.Clients;

/// <summary>The orderings of a client list.</summary>
public enum ClientOrderField
{
    Name,
    Code,
    Outstanding,
    Overdue,

    /// <summary>By risk score (clients not scored yet come before 0).</summary>
    RiskScore,

    /// <summary>By risk class, A first (clients not scored yet before A).</summary>
    RiskClass,
}
