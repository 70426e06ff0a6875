using Dso.Api.GraphQL.Actions;
using Dso.Api.GraphQL.Common;
using Dso.Api.GraphQL.DataLoading;
using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using GraphQL;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Messaging;

/// <summary>One message of the outbox.</summary>
public sealed class MessageGraphType : ObjectGraphType<Message>
{
    public MessageGraphType()
    {
        Name = "Message";
        this.NodeId();
        Field<NonNullGraphType<ActionGraphType>>("action").Resolve(ctx => ctx.Loaders().Actions.Load(ctx.Source.ActionId));
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("to").Description("Addresses or phone numbers; a letter's postal address lines.").Resolve(ctx => ctx.Source.To);
        Field(m => m.Subject, nullable: true);
        Field(m => m.Language);
        Field<NonNullGraphType<EnumerationGraphType<MessageState>>>("state").Resolve(ctx => ctx.Source.State);
        Field(m => m.Attempts);
        Field(m => m.QueuedAt);
        Field(m => m.SentAt, nullable: true);
        Field(m => m.Error, nullable: true).Description("The last failure, in words.");
        Field<StringGraphType>("documentUrl").Description("LETTER: a signed link to the PDF, valid for Dso:Portal:DocumentLinkLifetime (an hour by default); null until it is rendered.")
            .Resolve(ctx => ctx.Source is { Channel: Channel.Letter, State: MessageState.Sent } letter ? ctx.Service<Portal.PortalLinks>().DocumentUrl(letter.OrganizationId, letter.Id) : null);
    }
}

/// <summary>When messages may go out.</summary>
public sealed class SendWindowGraphType : ObjectGraphType<SendWindow>
{
    public SendWindowGraphType()
    {
        Name = "SendWindow";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<DayOfWeek>>>>>("days")
            .Resolve(ctx => ctx.Source.Days.OrderBy(d => ((int)d + 6) % 7).ToList());
        Field<NonNullGraphType<StringGraphType>>("from").Description("HH:MM in the organization's time zone.").Resolve(ctx => ctx.Source.From.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<StringGraphType>>("to").Description("HH:MM in the organization's time zone.").Resolve(ctx => ctx.Source.To.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>A send window to set.</summary>
public sealed class SendWindowInputGraphType : InputObjectGraphType
{
    public SendWindowInputGraphType()
    {
        Name = "SendWindowInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<DayOfWeek>>>>>("days");
        Field<NonNullGraphType<StringGraphType>>("from").Description("HH:MM");
        Field<NonNullGraphType<StringGraphType>>("to").Description("HH:MM, after from");
    }
}

/// <summary>The input of sendAction.</summary>
public sealed class SendActionInputGraphType : InputObjectGraphType
{
    public SendActionInputGraphType()
    {
        Name = "SendActionInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field<IdGraphType>("templateId").Description("Another template of the action's channel; by default the action's.");
    }
}

/// <summary>The payload of sendAction.</summary>
public sealed class SendActionPayloadGraphType() : PayloadGraphType<MessageGraphType, Message>("SendActionPayload", "message");

/// <summary>Mutations of messaging.</summary>
public static class MessageMutations
{
    public static void Register(ObjectGraphType mutation) =>
        MutationFields.Add<SendActionInputGraphType, SendActionPayloadGraphType, Message>(mutation, "sendAction",
            "Queues a planned EMAIL, SMS, LETTER or INTERNAL_EMAIL action's message now; it goes out at the outbox's next turn, inside the send window.", Auth.Policies.Write,
            (ctx, input) => ctx.Service<SendAction>().ExecuteAsync(
                GlobalId.DecodeAs("Action", input.Value<string>("actionId")) ?? -1,
                input.Value<string>("templateId") is { } template ? GlobalId.DecodeAs("Template", template) ?? -1 : null, ctx.CancellationToken));
}

/// <summary>Root fields of messaging.</summary>
public static class MessageQueries
{
    public static void Register(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<MessageGraphType, Message>>>("messages")
            .Description("The outbox, newest first.")
            .Argument<EnumerationGraphType<MessageState>>("state")
            .Argument<IdGraphType>("clientId")
            .Paged(backward: false)
            .ResolveAsync(async ctx =>
            {
                var client = ctx.GetArgument<string?>("clientId") is { } id ? GlobalId.DecodeAs("Client", id) ?? -1 : (long?)null;
                return await ctx.Service<ListMessages>().ExecuteAsync(ctx.GetArgument<MessageState?>("state"), client, ctx.PageRequest(), ctx.CancellationToken);
            });
}
