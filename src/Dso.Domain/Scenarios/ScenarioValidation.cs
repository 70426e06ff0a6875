using System.Globalization;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Scenarios;

internal static class ScenarioValidation
{
    public const int MaxOffsetDays = 730;

    public static async Task<List<UserError>> ValidateAsync(DsoDbContext db, long? id, ScenarioInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        if (input.Name is { } name)
        {
            var trimmed = name.Trim();
            if (trimmed.Length is 0 or > 100)
            {
                errors.Add(UserError.Invalid("name must have 1 to 100 characters.", "name"));
            }
            else if (await db.Scenarios.AnyAsync(s => s.Name == trimmed && s.Id != id, cancellationToken))
            {
                errors.Add(UserError.Conflict($"A scenario named '{trimmed}' already exists.", "name"));
            }
        }

        if (input.Tolerance is < 0)
        {
            errors.Add(UserError.Invalid("tolerance is an amount of 0 or more.", "tolerance"));
        }

        if (input.Steps is not { } steps)
        {
            return errors;
        }

        if (steps.Count is 0 or > 50)
        {
            errors.Add(UserError.Invalid("A scenario has 1 to 50 steps.", "steps"));
        }

        var templates = await LoadTemplatesAsync(db, steps, cancellationToken);
        for (var i = 0; i < steps.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var step = steps[i];
            if (Math.Abs(step.OffsetDays) > MaxOffsetDays)
            {
                errors.Add(UserError.Invalid($"offsetDays must be between -{MaxOffsetDays} and {MaxOffsetDays}.", "steps", index, "offsetDays"));
            }

            if (step.MinOverdueAmount is < 0)
            {
                errors.Add(UserError.Invalid("minOverdueAmount cannot be negative.", "steps", index, "minOverdueAmount"));
            }

            if (step.TemplateId is { } templateId)
            {
                if (!templates.TryGetValue(templateId, out var channel))
                {
                    errors.Add(UserError.NotFound("No such template.", "steps", index, "templateId"));
                }
                else if (channel != step.Channel)
                {
                    errors.Add(UserError.Invalid($"The template is for {channel}, not {step.Channel}.", "steps", index, "templateId"));
                }
            }
        }

        foreach (var duplicate in steps.GroupBy(s => (s.OffsetDays, s.Channel)).Where(g => g.Count() > 1))
        {
            errors.Add(UserError.Invalid($"Two {duplicate.Key.Channel} steps at offset {duplicate.Key.OffsetDays}.", "steps"));
        }

        return errors;
    }

    private static async Task<Dictionary<long, Channel>> LoadTemplatesAsync(DsoDbContext db, IReadOnlyList<ScenarioStepValues> steps, CancellationToken cancellationToken)
    {
        var ids = steps.Where(s => s.TemplateId is not null).Select(s => s.TemplateId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Templates.Where(t => ids.Contains(t.Id) && !t.Archived).ToDictionaryAsync(t => t.Id, t => t.Channel, cancellationToken);
    }
}
