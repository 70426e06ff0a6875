using Dso.Domain.Common;
using Dso.Domain.Scenarios;

namespace Dso.Domain.Actions;

/// <summary>Something to do with one client on a date: a scenario step, a specific action or a follow-up.</summary>
public sealed class CollectionAction : ITenantOwned
{
    private CollectionAction()
    {
    }

    public CollectionAction(long organizationId, long clientId, ActionKind kind, Channel channel, DateOnly dueDate, DateTimeOffset createdAt)
    {
        (OrganizationId, ClientId, Kind, Channel, DueDate, CreatedAt) = (organizationId, clientId, kind, channel, dueDate, createdAt);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ClientId { get; private set; }

    public ActionKind Kind { get; private set; }

    public Channel Channel { get; private set; }

    public DateOnly DueDate { get; private set; }

    public long? AssigneeId { get; private set; }

    public ActionState State { get; private set; } = ActionState.Planned;

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A follow-up a person does on a date, about some pieces of one client.</summary>
    public static CollectionAction FollowUp(long organizationId, long clientId, IEnumerable<long> pieceIds, DateOnly dueDate, long? assigneeId, string? note, DateTimeOffset now)
    {
        var action = new CollectionAction(organizationId, clientId, ActionKind.FollowUp, Channel.Task, dueDate, now) { AssigneeId = assigneeId, Note = note };
        action.Pieces.AddRange(pieceIds.Select(id => new ActionPiece { PieceId = id }));
        return action;
    }

    /// <summary>The pieces the action is about.</summary>
    public List<ActionPiece> Pieces { get; private set; } = [];
}
