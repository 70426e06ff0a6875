namespace Dso.Domain.Clients;

/// <summary>The values of a contact.</summary>
public sealed record ContactValues(string? Name, string? Email, string? Phone, string Language, bool IsCollectionContact);
