namespace Dso.Domain.Actions;

/// <summary>An action of the agenda with the open amount of its pieces (its rank among same-day actions).</summary>
public sealed class AgendaRow
{
    public required CollectionAction Action { get; init; }

    public decimal Amount { get; init; }
}
