using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Alerts;

/// <summary>What updateAlertRule changes; null members stay as they are.</summary>
public sealed record AlertRuleInput(bool? Enabled, decimal? ThresholdAmount, int? Days);

/// <summary>
/// Turns an alert rule on or off and sets its thresholds: a threshold is a positive or zero amount of the main
/// currency, days from 1 to 365, and only NOT_DUNNED has them (a threshold given to another kind is refused).
/// </summary>
public sealed class UpdateAlertRule(DsoDbContext db)
{
    public async Task<Outcome<AlertRule>> ExecuteAsync(long? id, AlertRuleInput input, CancellationToken cancellationToken)
    {
        var rule = id is { } key ? await db.AlertRules.FirstOrDefaultAsync(r => r.Id == key, cancellationToken) : null;
        if (rule is null)
        {
            return Outcomes.Failure<AlertRule>(UserError.NotFound("No such alert rule.", "id"));
        }

        var errors = new List<UserError>();
        var mainCurrency = await db.Organizations.Select(o => o.MainCurrency).SingleAsync(cancellationToken);
        if (input.ThresholdAmount is { } amount && (!rule.HasThresholds || amount < 0 || !Currency.FitsMinorUnits(amount, mainCurrency)))
        {
            errors.Add(UserError.Invalid(rule.HasThresholds ? $"thresholdAmount is a positive or zero amount of {mainCurrency}." : $"A {Name(rule.Kind)} rule has no threshold amount.", "thresholdAmount"));
        }

        if (input.Days is { } days && (!rule.HasThresholds || days is < 1 or > 365))
        {
            errors.Add(UserError.Invalid(rule.HasThresholds ? "days is from 1 to 365." : $"A {Name(rule.Kind)} rule has no days.", "days"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<AlertRule>(errors);
        }

        rule.Change(input.Enabled, input.ThresholdAmount, input.Days);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(rule);
    }

    private static string Name(AlertKind kind) => string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
