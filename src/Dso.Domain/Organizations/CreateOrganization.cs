using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Dso.Domain.Statuses;
using Dso.Domain.Users;

namespace Dso.Domain.Organizations;

/// <summary>Creates an organization with its standard statuses and templates, a first administrator and their API key.</summary>
public sealed class CreateOrganization(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<CreatedOrganization>> ExecuteAsync(CreateOrganizationRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        var name = request.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            errors.Add(UserError.Invalid("name must have 1 to 200 characters.", "name"));
        }

        var currency = Currency.Normalize(request.MainCurrency);
        if (currency is null)
        {
            errors.Add(UserError.Invalid($"'{request.MainCurrency}' is not an ISO 4217 currency code.", "mainCurrency"));
        }

        if (!BusinessCalendar.IsKnownTimeZone(request.TimeZone))
        {
            errors.Add(UserError.Invalid($"'{request.TimeZone}' is not a known IANA time zone.", "timeZone"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<CreatedOrganization>(errors);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = new Organization(name, currency!, request.TimeZone, now);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);

        db.Tenant.Enter(organization.Id);
        db.Statuses.AddRange(StandardStatuses.For(organization.Id));
        db.AlertRules.AddRange(Alerts.AlertRule.Defaults(organization.Id));
        foreach (var input in Messaging.StandardTemplates.All)
        {
            var template = new Messaging.Template(organization.Id, input.Name!, input.Channel!.Value);
            template.ReplaceTranslations(Messaging.TemplateValidation.Normalized(input.Translations!));
            db.Templates.Add(template);
        }

        var admin = new User(organization.Id, request.AdminName, request.AdminEmail, Role.Admin);
        db.Users.Add(admin);
        await db.SaveChangesAsync(cancellationToken);

        var (key, secret) = ApiKey.Issue(admin, now, request.ApiKey);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcomes.Success(new CreatedOrganization(organization, admin, secret));
    }
}
