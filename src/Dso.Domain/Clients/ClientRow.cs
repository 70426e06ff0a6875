namespace Dso.Domain.Clients;

/// <summary>A client with its balances computed in SQL: outstanding (net of credits) and overdue, in the pieces' currency.</summary>
public sealed class ClientRow
{
    public required Client Client { get; init; }

    public decimal Outstanding { get; init; }

    public decimal Overdue { get; init; }

    /// <summary>The risk score; -1 when not scored yet.</summary>
    public int RiskScore { get; init; }

    /// <summary>The risk class's rank (A = 0); -1 when not scored yet.</summary>
    public int RiskRank { get; init; }
}
