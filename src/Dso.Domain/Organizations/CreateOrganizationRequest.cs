namespace Dso.Domain.Organizations;

/// <summary>What it takes to open an organization; <see cref="ApiKey"/> imposes the admin key (bootstrap).</summary>
public sealed record CreateOrganizationRequest(
    string Name,
    string MainCurrency = "EUR",
    string TimeZone = "Europe/Paris",
    string AdminName = "Administrator",
    string AdminEmail = "admin@localhost",
    string? ApiKey = null);
