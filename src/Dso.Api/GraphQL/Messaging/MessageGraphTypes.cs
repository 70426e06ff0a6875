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
        Field<StringGraphType>("documentUrl").Description("LETTER: a signed, short-lived link to the PDF (letters are not rendered yet: null).").Resolve(_ => null);
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
