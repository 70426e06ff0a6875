using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Organizations;

/// <summary>Changes the organization's policy settings.</summary>
public sealed class UpdateOrganizationSettings(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Organization>> ExecuteAsync(OrganizationSettingsInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        if (input.StaleDays is < 1 or > 365)
        {
            errors.Add(UserError.Invalid("staleDays must be between 1 and 365.", "staleDays"));
        }

        if (input.MinDaysBetweenContacts is < 0 or > 90)
        {
            errors.Add(UserError.Invalid("minDaysBetweenContacts must be between 0 and 90.", "minDaysBetweenContacts"));
        }

        var language = Languages.Normalize(input.DefaultLanguage);
        if (input.DefaultLanguage is not null && language is null)
        {
            errors.Add(UserError.Invalid($"'{input.DefaultLanguage}' is not a language code such as 'fr' or 'en-GB'.", "defaultLanguage"));
        }

        string? problem = null;
        var window = input.SendWindow is { } given ? Messaging.SendWindow.Parse(given.Days, given.From, given.To, out problem) : null;
        if (problem is not null)
        {
            errors.Add(UserError.Invalid(problem, "sendWindow"));
        }

        if (input.SenderName is { Length: > 200 })
        {
            errors.Add(UserError.Invalid("senderName has at most 200 characters.", "senderName"));
        }

        if (input.ReplyTo is { Length: > 0 } && !EmailAddresses.IsValid(input.ReplyTo.Trim()))
        {
            errors.Add(UserError.Invalid($"'{input.ReplyTo}' is not an e-mail address.", "replyTo"));
        }

        errors.AddRange(input.RiskWeights?.Errors("riskWeights") ?? []);
        var organization = await db.Organizations.SingleAsync(cancellationToken);
        if (input.ContractualPenaltyRatePercent is { } contract and not 0)
        {
            // The floor of today's half-year, or of the latest one known while today's rates are not in yet.
            var rates = await Penalties.PenaltyRates.LoadAsync(db, null, cancellationToken);
            try
            {
                var floor = rates.Floor(rates.LatestKnown(organization.Today(clock)));
                if (contract < floor || contract > 100)
                {
                    errors.Add(UserError.Invalid(
                        $"A contractual rate is at least three times the legal interest rate ({floor:0.##} % now) and at most 100 %.", "contractualPenaltyRatePercent"));
                }
            }
            catch (Penalties.MissingPenaltyRateException e)
            {
                errors.Add(UserError.Invalid(e.Message, "contractualPenaltyRatePercent"));
            }
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<Organization>(errors);
        }

        var settings = organization.Settings;
        settings.RejectFileOnErrors = input.RejectFileOnErrors ?? settings.RejectFileOnErrors;
        settings.QualificationNeedsComment = input.QualificationNeedsComment ?? settings.QualificationNeedsComment;
        settings.StaleDays = input.StaleDays ?? settings.StaleDays;
        settings.MinDaysBetweenContacts = input.MinDaysBetweenContacts ?? settings.MinDaysBetweenContacts;
        settings.LatePenaltyEnabled = input.LatePenaltyEnabled ?? settings.LatePenaltyEnabled;
        settings.LatePenaltyPolicy = input.LatePenaltyPolicy ?? settings.LatePenaltyPolicy;
        settings.DefaultLanguage = language ?? settings.DefaultLanguage;
        settings.RestrictToPortfolio = input.RestrictToPortfolio ?? settings.RestrictToPortfolio;
        if (window is not null)
        {
            (settings.SendDays, settings.SendFrom, settings.SendTo) = (window.DayBits, window.From, window.To);
        }

        settings.SenderName = input.SenderName is null ? settings.SenderName : input.SenderName.Trim() is { Length: > 0 } name ? name : null;
        settings.ReplyTo = input.ReplyTo is null ? settings.ReplyTo : input.ReplyTo.Trim() is { Length: > 0 } address ? address : null;
        if (input.ContractualPenaltyRatePercent is { } rate)
        {
            settings.ContractualPenaltyRatePercent = rate == 0 ? null : rate;
        }
        settings.RiskWeights = input.RiskWeights ?? settings.RiskWeights;
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(organization);
    }
}
