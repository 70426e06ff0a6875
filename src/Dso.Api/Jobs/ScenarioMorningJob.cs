using Coravel.Invocable;
using Dso.Domain.Alerts;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Jobs;

/// <summary>
/// Runs each organization's scenarios, then raises its broken-promise alerts, once a day at 06:00 in its own time zone (Coravel invokes it every
/// minute). An organization's day is claimed with a conditional update first, so with several instances
/// only one runs it; a run missed while the API was down is made on the next invocation (catch-up).
/// </summary>
public sealed partial class ScenarioMorningJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScenarioMorningJob> logger) : IInvocable, ICancellableInvocable
{
    public static readonly TimeOnly RunTime = new(6, 0);

    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        List<(long Id, string TimeZone, DateOnly? RunOn)> organizations;
        using (var scope = scopes.CreateScope())
        {
            organizations = (await scope.ServiceProvider.GetRequiredService<DsoDbContext>().Organizations.IgnoreQueryFilters().AsNoTracking()
                .Select(o => new { o.Id, o.TimeZone, o.ScenariosRunOn }).ToListAsync(CancellationToken))
                .Select(o => (o.Id, o.TimeZone, o.ScenariosRunOn)).ToList();
        }

        foreach (var (id, timeZone, runOn) in organizations)
        {
            var local = BusinessCalendar.LocalTime(clock.GetUtcNow(), timeZone);
            var today = DateOnly.FromDateTime(local);
            if (TimeOnly.FromDateTime(local) < RunTime || runOn >= today)
            {
                continue;
            }

            try
            {
                await RunAsync(id, today);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailure(logger, id, e);
            }
        }
    }

    private async Task RunAsync(long organizationId, DateOnly today)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
        var claimed = await db.Organizations.IgnoreQueryFilters()
            .Where(o => o.Id == organizationId && (o.ScenariosRunOn == null || o.ScenariosRunOn < today))
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.ScenariosRunOn, today), CancellationToken);
        if (claimed == 0)
        {
            return;
        }

        scope.ServiceProvider.GetRequiredService<Tenant>().Enter(organizationId);
        var run = await scope.ServiceProvider.GetRequiredService<RunScenarios>().ExecuteAsync(today, CancellationToken);
        var alerts = await scope.ServiceProvider.GetRequiredService<RaiseBrokenPromises>().ExecuteAsync(today, CancellationToken);
        LogRun(logger, organizationId, today, run.Value?.PlannedActionIds.Count ?? 0, run.Value?.SkippedSteps ?? 0, alerts.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Morning run of organization {OrganizationId} for {Date}: {Planned} actions planned, {Skipped} steps skipped, {Alerts} broken promises raised.")]
    private static partial void LogRun(ILogger logger, long organizationId, DateOnly date, int planned, int skipped, int alerts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scenarios of organization {OrganizationId} could not run; tomorrow's run will catch up.")]
    private static partial void LogFailure(ILogger logger, long organizationId, Exception exception);
}
