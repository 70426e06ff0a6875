namespace Dso.Domain.Clients;

/// <summary>A contact as a caller sends it, before validation.</summary>
public sealed record ContactInput(string? Name, string? Email, string? Phone, string? Language, bool? IsCollectionContact);
