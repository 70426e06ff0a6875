namespace Dso.Domain.Actions;

/// <summary>
/// An override asked by a user: for <see cref="OverrideKind.Skip"/> and <see cref="OverrideKind.Postpone"/> the
/// action, for <see cref="OverrideKind.Pause"/> and <see cref="OverrideKind.Resume"/> the client; a reason always.
/// </summary>
public sealed record OverrideRequest(OverrideKind Kind, long? ActionId, long? ClientId, string? Reason, DateOnly? Until);
