using Dso.Api.GraphQL.Clients;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Api.GraphQL.Pieces;
using Dso.Api.GraphQL.Users;
using Dso.Domain.Actions;
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
            .Resolve(ctx => ctx.Loaders().PiecesOfAction.Load(ctx.Source.Id).Then(p => p ?? []));
        Field(a => a.DueDate);
        Field<UserGraphType>("assignee").Resolve(ctx => ctx.Source.AssigneeId is { } id ? ctx.Loaders().Users.Load(id) : null);
        Field<NonNullGraphType<EnumerationGraphType<ActionState>>>("state").Resolve(ctx => ctx.Source.State);
        Field(a => a.Note, nullable: true);
    }
}
