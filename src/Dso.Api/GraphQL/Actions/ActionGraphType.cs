using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Api.GraphQL.Pieces;
using Dso.Api.GraphQL.Scenarios;
using Dso.Api.GraphQL.Users;
using Dso.Domain.Actions;
using Dso.Domain.Pieces;
using Dso.Domain.Scenarios;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Actions;

/// <summary>Something to do with one client on a date: a scenario step, a specific action or a follow-up.</summary>
public sealed class ActionGraphType : ObjectGraphType<CollectionAction>
{
    public ActionGraphType()
    {
        Name = "Action";
        this.NodeId();
        Field<NonNullGraphType<EnumerationGraphType<ActionKind>>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<ClientGraphType>>("client").Resolve(ctx => ctx.Loaders().Clients.Load(ctx.Source.ClientId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PieceGraphType>>>>("pieces")
            .ResolveAsync(async ctx => ctx.Source.Id != 0
                ? await ctx.Loaders().PiecesOfAction.Load(ctx.Source.Id).GetResultAsync(ctx.CancellationToken) ?? []
                // A previewed action is not stored: its pieces are those it would list.
                : (await Task.WhenAll(ctx.Source.Pieces.Select(p => ctx.Loaders().Pieces.Load(p.PieceId).GetResultAsync(ctx.CancellationToken)))).OfType<Piece>().ToList());
        Field(a => a.DueDate);
        Field<UserGraphType>("assignee").Resolve(ctx => ctx.Source.AssigneeId is { } id ? ctx.Loaders().Users.Load(id) : null);
        Field<NonNullGraphType<EnumerationGraphType<ActionState>>>("state").Resolve(ctx => ctx.Source.State);
        Field(a => a.Note, nullable: true);
        Field<ScenarioGraphType>("scenario").Description("For a scenario step: its scenario.")
            .Resolve(ctx => ctx.Source.ScenarioId is { } id ? ctx.Loaders().Scenarios.Load(id) : null);
        Field(a => a.StepOffset, nullable: true).Description("For a scenario step: its offset in days from the leader piece's due date.");
        Field<PieceGraphType>("leaderPiece").Description("For a scenario step: the piece whose due date sets the cycle.")
            .Resolve(ctx => ctx.Source.LeaderPieceId is { } id ? ctx.Loaders().Pieces.Load(id) : null);
        Field<Templates.TemplateGraphType>("template").Description("The template of its message (a scenario step's); renderAction shows it rendered.")
            .Resolve(ctx => ctx.Source.TemplateId is { } id ? ctx.Loaders().Templates.Load(id) : null);
        Field(a => a.Automatic).Description("Sent by the system rather than done by a person (false once the step was stale when planned).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Messaging.MessageGraphType>>>>("messages").Description("Its messages in the outbox, oldest first.")
            .ResolveAsync(async ctx => ctx.Source.Id == 0 ? [] : await ctx.Loaders().MessagesOfAction.Load(ctx.Source.Id).GetResultAsync(ctx.CancellationToken) ?? []);
    }
}
