using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Organizations;

/// <summary>Changes the organization's policy settings.</summary>
public sealed class UpdateOrganizationSettings(DsoDbContext db)
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

        if (errors.Count > 0)
        {
            return Outcomes.Failure<Organization>(errors);
        }

        var organization = await db.Organizations.SingleAsync(cancellationToken);
        var settings = organization.Settings;
        settings.RejectFileOnErrors = input.RejectFileOnErrors ?? settings.RejectFileOnErrors;
        settings.QualificationNeedsComment = input.QualificationNeedsComment ?? settings.QualificationNeedsComment;
        settings.StaleDays = input.StaleDays ?? settings.StaleDays;
        settings.MinDaysBetweenContacts = input.MinDaysBetweenContacts ?? settings.MinDaysBetweenContacts;
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(organization);
    }
}
