using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Connections;

/// <summary>What a connection is configured with; its settings already checked against its plug-in's schema and its secrets sealed by the host.</summary>
public sealed record ErpConnectionValues(string Name, string SettingsJson, string? SealedSecrets, string Schedule, SyncMode Mode, bool Enabled);

/// <summary>
/// Creates or updates a connection: a name of its own in the organization (100 characters at most) and a cron
/// schedule that parses; its next run is planned in the organization's time zone.
/// </summary>
public sealed class SaveErpConnection(DsoDbContext db, TimeProvider clock)
{
    /// <summary>Creates a connection of the plug-in, or updates <paramref name="existing"/>.</summary>
    public async Task<Outcome<ErpConnection>> ExecuteAsync(ErpConnection? existing, string pluginId, ErpConnectionValues values, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleAsync(cancellationToken);
        var connection = existing ?? new ErpConnection(organization.Id, pluginId, clock.GetUtcNow());
        return await SaveAsync(connection, values, organization.TimeZone, added: existing is null, cancellationToken);
    }

    private async Task<Outcome<ErpConnection>> SaveAsync(ErpConnection connection, ErpConnectionValues values, string timeZone, bool added, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var name = values.Name.Trim();
        if (name.Length is 0 or > 100)
        {
            errors.Add(UserError.Invalid("The name must have 1 to 100 characters.", "name"));
        }
        else if (await db.Set<ErpConnection>().AnyAsync(c => c.Name == name && c.Id != connection.Id, cancellationToken))
        {
            errors.Add(UserError.Conflict($"A connection is already named '{name}'.", "name"));
        }

        if (SyncSchedule.Problem(values.Schedule) is { } problem)
        {
            errors.Add(UserError.Invalid(problem, "schedule"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<ErpConnection>(errors);
        }

        connection.Configure(name, values.SettingsJson, values.SealedSecrets, values.Schedule.Trim(), values.Mode, values.Enabled);
        connection.PlanNextRun(timeZone, clock.GetUtcNow());
        if (added)
        {
            db.Add(connection);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(connection);
    }
}
