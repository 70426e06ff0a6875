namespace Dso.Domain.Organizations;

/// <summary>Settings to change; null members stay as they are.</summary>
public sealed record OrganizationSettingsInput(bool? RejectFileOnErrors, bool? QualificationNeedsComment, int? StaleDays, int? MinDaysBetweenContacts);
