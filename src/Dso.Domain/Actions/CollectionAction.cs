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

    public DateTimeOffset? CompletedAt { get; private set; }

    public long? CompletedBy { get; private set; }

    /// <summary>For a scenario step: the scenario, its version and the step's position and offset in it.</summary>
    public long? ScenarioId { get; private set; }

    public int? ScenarioVersion { get; private set; }

    public int? StepIndex { get; private set; }

    public int? StepOffset { get; private set; }

    /// <summary>The leader piece of the cycle the step belongs to.</summary>
    public long? LeaderPieceId { get; private set; }

    public long? TemplateId { get; private set; }

    /// <summary>Sent by the system (an automatic step not yet stale when planned), rather than done by a person.</summary>
    public bool Automatic { get; private set; }

    /// <summary>A scenario step of a client's cycle, planned (or recorded as skipped when a later step was due too).</summary>
    public static CollectionAction FromScenario(long organizationId, ScenarioPlan plan, DateTimeOffset now)
    {
        var action = new CollectionAction(organizationId, plan.ClientId, ActionKind.Scenario, plan.Channel, plan.Date, now)
        {
            ScenarioId = plan.ScenarioId,
            ScenarioVersion = plan.ScenarioVersion,
            StepIndex = plan.StepIndex,
            StepOffset = plan.StepOffset,
            LeaderPieceId = plan.LeaderPieceId,
            TemplateId = plan.TemplateId,
            Automatic = plan.Automatic,
            State = plan.Skipped ? ActionState.Skipped : ActionState.Planned,
        };
        action.Pieces.AddRange(plan.PieceIds.Select(id => new ActionPiece { PieceId = id }));
        return action;
    }

    /// <summary>A follow-up a person does on a date, about some pieces of one client.</summary>
    public static CollectionAction FollowUp(long organizationId, long clientId, IEnumerable<long> pieceIds, DateOnly dueDate, long? assigneeId, string? note, DateTimeOffset now) =>
        ForPerson(organizationId, clientId, ActionKind.FollowUp, Channel.Task, pieceIds, dueDate, assigneeId, note, now);

    /// <summary>An action a user plans by hand ("call the client on Friday").</summary>
    public static CollectionAction Specific(long organizationId, long clientId, IEnumerable<long> pieceIds, Channel channel, DateOnly dueDate, long? assigneeId, string? note, DateTimeOffset now) =>
        ForPerson(organizationId, clientId, ActionKind.Specific, channel, pieceIds, dueDate, assigneeId, note, now);

    private static CollectionAction ForPerson(long organizationId, long clientId, ActionKind kind, Channel channel, IEnumerable<long> pieceIds, DateOnly dueDate,
        long? assigneeId, string? note, DateTimeOffset now)
    {
        var action = new CollectionAction(organizationId, clientId, kind, channel, dueDate, now) { AssigneeId = assigneeId, Note = note };
        action.Pieces.AddRange(pieceIds.Select(id => new ActionPiece { PieceId = id }));
        return action;
    }

    /// <summary>Marks a planned action done, keeping who did it and their note.</summary>
    public bool Complete(long userId, string? note, DateTimeOffset now)
    {
        if (State != ActionState.Planned)
        {
            return false;
        }

        (State, CompletedAt, CompletedBy) = (ActionState.Done, now, userId);
        Note = string.IsNullOrWhiteSpace(note) ? Note : note.Trim();
        return true;
    }

    /// <summary>Its automatic message went out: done, by nobody.</summary>
    public void MarkSent(DateTimeOffset now)
    {
        if (State == ActionState.Planned)
        {
            (State, CompletedAt) = (ActionState.Done, now);
        }
    }

    /// <summary>Its automatic message could not be sent: failed, with the reason.</summary>
    public void Fail(string reason) => (State, Note) = (ActionState.Failed, reason);

    /// <summary>Leaves a planned action to whoever holds its client (its assignee left the organization).</summary>
    public void Unassign() => AssigneeId = null;

    /// <summary>A person decides a planned action will not be done.</summary>
    public void Skip(string reason) => (State, Note) = (ActionState.Skipped, reason);

    /// <summary>A person moves a planned action to a later date.</summary>
    public void Postpone(DateOnly until, string reason) => (DueDate, Note) = (until, reason);

    /// <summary>Cancels a planned action (nothing left to send).</summary>
    public void Cancel()
    {
        if (State == ActionState.Planned)
        {
            State = ActionState.Cancelled;
        }
    }

    /// <summary>The pieces the action is about.</summary>
    public List<ActionPiece> Pieces { get; private set; } = [];
}
