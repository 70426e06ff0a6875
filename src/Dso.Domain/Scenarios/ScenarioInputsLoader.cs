using Dso.Domain.Actions;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>Reads what the planner needs for one organization, in a handful of set-based queries.</summary>
internal static class ScenarioInputsLoader
{
    public static async Task<ScenarioInputs> LoadAsync(DsoDbContext db, Organization organization, DateOnly run, CancellationToken cancellationToken)
    {
        var scenarios = await db.Scenarios.AsNoTracking().Include(s => s.Steps).Where(s => !s.Archived).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var scenario in scenarios.Values)
        {
            scenario.SortSteps();
        }

        // A paused client gets nothing until its pause ends (or it is resumed).
        var clients = (await db.Clients.AsNoTracking().Where(c => !c.Paused || (c.PausedUntil != null && c.PausedUntil < run))
                .Select(c => new { c.Id, c.ScenarioId }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.ScenarioId)).ToList();
        var outOfScenario = await ScenarioExclusions.StatusesAsync(db, cancellationToken);
        var excluded = (await ScenarioExclusions.PiecesWithAPerson(db).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        // "Not zero" rather than "positive" in SQL: the planner then reads the covering (organization, client,
        // due date, open amount, type, status) index alone instead of seeking every row from the amounts index.
        var pieces = (await db.Pieces.AsNoTracking()
                .Where(p => p.OpenAmount != 0 && (p.Type == PieceType.Invoice || p.Type == PieceType.DebitNote || p.Type == PieceType.BillOfExchange || p.Type == PieceType.Misc))
                .Where(p => !outOfScenario.Contains(p.StatusId))
                .Select(p => new EligiblePiece(p.Id, p.ClientId, p.DueDate, p.OpenAmount))
                .ToListAsync(cancellationToken))
            .Where(p => p.Open > 0 && !excluded.Contains(p.Id))
            .GroupBy(p => p.ClientId).ToDictionary(g => g.Key, g => g.ToList());
        var progress = (await db.Actions.Where(a => a.ScenarioId != null)
                .GroupBy(a => new { a.ClientId, a.LeaderPieceId, a.ScenarioId })
                .Select(g => new { g.Key.ClientId, g.Key.LeaderPieceId, g.Key.ScenarioId, Offset = g.Max(a => a.StepOffset) })
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.ClientId, p.LeaderPieceId!.Value, p.ScenarioId!.Value), p => p.Offset!.Value);
        var settings = organization.Settings;
        var lastContacts = settings.MinDaysBetweenContacts <= 0 ? new Dictionary<long, DateOnly>()
            : await db.Actions.Where(a => a.State == ActionState.Planned || a.State == ActionState.Done)
                .GroupBy(a => a.ClientId).Select(g => new { ClientId = g.Key, Last = g.Max(a => a.DueDate) })
                .ToDictionaryAsync(g => g.ClientId, g => g.Last, cancellationToken);
        // Numbers break ties between pieces due the same day for the same amount: rare, so read one at a time.
        string Number(EligiblePiece piece) => db.Pieces.AsNoTracking().Where(p => p.Id == piece.Id).Select(p => p.Number).Single();
        return new ScenarioInputs(clients, scenarios, scenarios.Values.FirstOrDefault(s => s.IsDefault)?.Id, pieces, progress, lastContacts,
            settings.StaleDays, settings.MinDaysBetweenContacts, Number);
    }
}
