using Dso.Domain.Actions;
using Dso.Domain.Persistence;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>What takes pieces out of the scenario (domain-rules §4): a promise, dispute or litigation status, or an open action of a person.</summary>
internal static class ScenarioExclusions
{
    /// <summary>The statuses whose category leaves the scenario.</summary>
    public static async Task<List<long?>> StatusesAsync(DsoDbContext db, CancellationToken cancellationToken) =>
        (await db.Statuses.AsNoTracking().ToListAsync(cancellationToken)).Where(s => s.Category.LeavesScenario()).Select(s => (long?)s.Id).ToList();

    /// <summary>The pieces listed by a planned specific or follow-up action.</summary>
    public static IQueryable<long> PiecesWithAPerson(DsoDbContext db) =>
        db.Actions.Where(a => a.State == ActionState.Planned && a.Kind != ActionKind.Scenario).SelectMany(a => a.Pieces.Select(p => p.PieceId));
}
