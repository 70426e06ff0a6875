namespace Dso.Domain.Users;

/// <summary>A user to create or change; null members stay as they are (an empty subject removes it).</summary>
public sealed record UserInput(string? Name, string? Email, Role? Roles, string? Subject = null);
