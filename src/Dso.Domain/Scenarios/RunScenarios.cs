using System.Collections.Concurrent;
using System.Data.Common;
using Dso.Domain.Actions;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

/// <summary>
/// Runs the scenarios of the organization on a date (default today): plans with the same function as the
/// preview and writes the actions in one transaction. Running a date again creates nothing; two runs at
/// once create each action once (the idempotence key is a unique index; the loser plans again and finds
/// nothing left to do).
/// </summary>
public sealed class RunScenarios(DsoDbContext db, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<long, SemaphoreSlim> Locks = new();

    public async Task<Outcome<ScenarioRun>> ExecuteAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        var organization = await db.CurrentOrganizationAsync(cancellationToken);
        var run = date ?? organization.Today(clock);
        if (run > organization.Today(clock))
        {
            return Outcomes.Failure<ScenarioRun>(UserError.Invalid("A run cannot be dated in the future; preview it with scenarioPreview.", "date"));
        }

        var gate = Locks.GetOrAdd(organization.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            try
            {
                return Outcomes.Success(await WriteAsync(organization, run, cancellationToken));
            }
            catch (Exception e) when (e is DbException or DbUpdateException)
            {
                // Another instance wrote some of the same steps first: plan again against what it wrote.
                db.ChangeTracker.Clear();
                return Outcomes.Success(await WriteAsync(organization, run, cancellationToken));
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ScenarioRun> WriteAsync(Organization organization, DateOnly run, CancellationToken cancellationToken)
    {
        var plans = ScenarioPlanner.Plan(run, await ScenarioInputsLoader.LoadAsync(db, organization, run, cancellationToken));
        var now = clock.GetUtcNow();
        var planned = new List<long>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (var actions = new BulkInserter<CollectionAction>(db))
        using (var links = new BulkInserter<ActionPiece>(db))
        {
            foreach (var plan in plans)
            {
                var action = CollectionAction.FromScenario(organization.Id, plan, now);
                var id = await actions.InsertAsync(action, cancellationToken);
                foreach (var piece in action.Pieces)
                {
                    await links.InsertAsync(piece, cancellationToken, (nameof(ActionPiece.ActionId), id));
                }

                if (!plan.Skipped)
                {
                    planned.Add(id);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);

        return new ScenarioRun(run, planned, plans.Count(p => p.Skipped));
    }
}

/// <summary>A run's result: the actions it planned (ids) and how many earlier steps it recorded as skipped.</summary>
public sealed record ScenarioRun(DateOnly Date, IReadOnlyList<long> PlannedActionIds, int SkippedSteps);
