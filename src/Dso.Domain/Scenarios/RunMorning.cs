using Dso.Domain.Alerts;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Scenarios;

/// <summary>
/// The morning run: once a day, from 06:00 in each organization's own time zone, its scenarios run for the day,
/// then its broken-promise alerts are raised (in that order: a promise broken today is dunned tomorrow). The day is
/// claimed with a conditional update first, so with several instances one runs it; a day missed while no instance
/// ran is caught up at the next call. One organization's failure does not stop the others'.
/// </summary>
public sealed class RunMorning(DsoDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeOnly RunTime = new(6, 0);

    public async Task<IReadOnlyList<MorningRun>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Select(o => new { o.Id, o.TimeZone, o.ScenariosRunOn }).ToListAsync(cancellationToken);
        var runs = new List<MorningRun>();
        foreach (var organization in organizations)
        {
            var local = BusinessCalendar.LocalTime(clock.GetUtcNow(), organization.TimeZone);
            var today = DateOnly.FromDateTime(local);
            if (TimeOnly.FromDateTime(local) < RunTime || organization.ScenariosRunOn >= today)
            {
                continue;
            }

            try
            {
                if (await RunAsync(organization.Id, today, cancellationToken) is { } run)
                {
                    runs.Add(run);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                runs.Add(new MorningRun(organization.Id, today, 0, 0, 0, Failure: e));
            }
        }

        return runs;
    }

    /// <summary>One organization's morning run now, whatever the hour (the demo seed, so its agenda is full from the start); null when today's already ran.</summary>
    public async Task<MorningRun?> RunTodayAsync(Organization organization, CancellationToken cancellationToken) =>
        await RunAsync(organization.Id, organization.Today(clock), cancellationToken);

    private async Task<MorningRun?> RunAsync(long organizationId, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var claimed = await services.GetRequiredService<DsoDbContext>().Organizations.IgnoreQueryFilters()
            .Where(o => o.Id == organizationId && (o.ScenariosRunOn == null || o.ScenariosRunOn < today))
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.ScenariosRunOn, today), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        services.GetRequiredService<Tenant>().Enter(organizationId);
        var run = await services.GetRequiredService<RunScenarios>().ExecuteAsync(today, cancellationToken);
        var alerts = await services.GetRequiredService<RaiseBrokenPromises>().ExecuteAsync(today, cancellationToken);
        // Every client's risk, then the client rules on every client: the days pass (a review date comes, a client goes undunned) without any change.
        await services.GetRequiredService<Risk.ScoreClients>().ExecuteAsync(null, cancellationToken);
        var (raised, _) = await services.GetRequiredService<EvaluateClientAlerts>().ExecuteAsync(null, cancellationToken);
        return new MorningRun(organizationId, today, run.Value?.PlannedActionIds.Count ?? 0, run.Value?.SkippedSteps ?? 0, alerts.Count, raised);
    }
}
