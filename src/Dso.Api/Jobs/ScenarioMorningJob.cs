using Coravel.Invocable;
using Dso.Domain.Scenarios;

namespace Dso.Api.Jobs;

/// <summary>Coravel invokes it every minute; the rule (06:00 local, scenarios then broken promises, once a day) is <see cref="RunMorning"/>'s.</summary>
public sealed partial class ScenarioMorningJob(IServiceScopeFactory scopes, ILogger<ScenarioMorningJob> logger) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var run in await scope.ServiceProvider.GetRequiredService<RunMorning>().ExecuteAsync(CancellationToken))
        {
            if (run.Failure is { } failure)
            {
                LogFailure(logger, run.OrganizationId, failure);
            }
            else
            {
                LogRun(logger, run.OrganizationId, run.Date, run.PlannedActions, run.SkippedSteps, run.BrokenPromises);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Morning run of organization {OrganizationId} for {Date}: {Planned} actions planned, {Skipped} steps skipped, {Alerts} broken promises raised.")]
    private static partial void LogRun(ILogger logger, long organizationId, DateOnly date, int planned, int skipped, int alerts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scenarios of organization {OrganizationId} could not run; tomorrow's run will catch up.")]
    private static partial void LogFailure(ILogger logger, long organizationId, Exception exception);
}
