using Dso.Domain.Statuses;

namespace Dso.Domain.Reports;

/// <summary>
/// Overdue amounts by status category and status on a date, in the main currency: a line per category
/// (no status) followed by a line per status of it, and the part carrying no status.
/// </summary>
public sealed record StatusReport(
    DateOnly AsOf, string Currency, IReadOnlyList<StatusReportLine> Lines, decimal OverdueTotal, decimal QualifiedOverdue, decimal QualificationRate,
    decimal Unqualified, int UnqualifiedCount);

/// <summary>The overdue amount and piece count of a category (<see cref="StatusId"/> null) or of one status.</summary>
public sealed record StatusReportLine(StatusCategory Category, long? StatusId, decimal Amount, int Count);
