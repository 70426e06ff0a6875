using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Api.Webhooks;
using Dso.Domain.Common;
using Dso.Domain.Webhooks;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Dso.Api.GraphQL.Webhooks;

/// <summary>A server told of the organization's events.</summary>
public sealed class WebhookGraphType : ObjectGraphType<Webhook>
{
    public WebhookGraphType()
    {
        Name = "Webhook";
        this.NodeId();
        Field(w => w.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<WebhookEvent>>>>>("events").Resolve(ctx => ctx.Source.Events);
        Field(w => w.Enabled).Description("False once turned off, or after its deliveries failed for a day (WEBHOOK_DISABLED).");
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<ConnectionGraphType<WebhookDeliveryGraphType, WebhookDelivery>>>("deliveries")
            .Description("Newest first.")
            .Paged(backward: false)
            .ResolveAsync(async ctx => await ctx.Service<ListWebhookDeliveries>().ExecuteAsync(ctx.Source.Id, ctx.PageRequest(), ctx.CancellationToken));
    }
}

/// <summary>One event sent, or to send, to a webhook.</summary>
public sealed class WebhookDeliveryGraphType : ObjectGraphType<WebhookDelivery>
{
    public WebhookDeliveryGraphType()
    {
        Name = "WebhookDelivery";
        this.NodeId();
        Field<NonNullGraphType<EnumerationGraphType<WebhookEvent>>>("event").Resolve(ctx => ctx.Source.Event);
        Field(d => d.MessageId).Description("The webhook-id header, the same on every attempt.");
        Field(d => d.Attempts);
        Field<NonNullGraphType<StringGraphType>>("state").Description("PENDING, DELIVERED or FAILED.").Resolve(ctx => ctx.Source.State.ToString().ToConstantCase());
        Field(d => d.ResponseStatus, nullable: true).Description("The HTTP status of the last attempt; null when it got none.");
        Field<DateTimeScalar>("lastAttemptAt").Resolve(ctx => ctx.Source.LastAttemptAt);
        Field<DateTimeScalar>("nextAttemptAt").Description("When a pending delivery is tried next.")
            .Resolve(ctx => ctx.Source.State == WebhookDeliveryState.Pending ? ctx.Source.NextAttemptAt : null);
        Field(d => d.Error, nullable: true).Description("Why the last attempt failed.");
    }
}

/// <summary>The input of createWebhook.</summary>
public sealed class CreateWebhookInputGraphType : InputObjectGraphType
{
    public CreateWebhookInputGraphType()
    {
        Name = "CreateWebhookInput";
        Field<NonNullGraphType<StringGraphType>>("url").Description("An https URL of a public host.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnumerationGraphType<WebhookEvent>>>>>("events");
    }
}

/// <summary>A webhook created, with its secret.</summary>
public sealed record CreatedWebhook(Webhook Webhook, string Secret);

/// <summary>The payload of createWebhook: the secret is shown here only.</summary>
public sealed class CreateWebhookPayloadGraphType : ObjectGraphType<Payload<CreatedWebhook>>
{
    public CreateWebhookPayloadGraphType()
    {
        Name = "CreateWebhookPayload";
        Field<WebhookGraphType>("webhook").Resolve(ctx => ctx.Source.Result?.Webhook);
        Field<StringGraphType>("secret").Description("whsec_ and the base64 of the signing key: shown once, keep it now.").Resolve(ctx => ctx.Source.Result?.Secret);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(ctx => ctx.Source.UserErrors);
    }
}

/// <summary>The payload of deleteWebhook and enableWebhook.</summary>
public sealed class WebhookPayloadGraphType() : PayloadGraphType<WebhookGraphType, Webhook>("WebhookPayload", "webhook");

/// <summary>The webhooks' root fields, administrators only.</summary>
public static class WebhookFields
{
    public static void RegisterQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookGraphType>>>>("webhooks")
            .Description("The organization's webhooks (administrators only).")
            .AuthorizeWithPolicy(Policies.Admin)
            .ResolveAsync(async ctx => await ctx.Service<ListWebhooks>().ExecuteAsync(ctx.CancellationToken));

    public static void RegisterMutations(ObjectGraphType mutation)
    {
        MutationFields.Add<CreateWebhookInputGraphType, CreateWebhookPayloadGraphType, CreatedWebhook>(mutation, "createWebhook",
            "Creates a webhook; its signing secret is in the payload, and only there.", Policies.Admin, async (ctx, input) =>
            {
                var secret = WebhookSignature.NewSecret();
                var options = ctx.Service<IOptions<WebhookOptions>>().Value;
                var outcome = await ctx.Service<CreateWebhook>().ExecuteAsync(new WebhookRequest(input.Value<string>("url") ?? "",
                    input.Value<IEnumerable<object>>("events")?.Cast<WebhookEvent>().ToList() ?? [], ctx.Service<WebhookSecrets>().Seal(secret), options.AllowPrivateAddresses), ctx.CancellationToken);
                return outcome.Succeeded ? Outcomes.Success(new CreatedWebhook(outcome.Value!, secret)) : Outcomes.Failure<CreatedWebhook>(outcome.Errors);
            });
        MutationFields.AddById<WebhookPayloadGraphType, Webhook>(mutation, "Webhook", "deleteWebhook", "Deletes a webhook and its deliveries.", Policies.Admin,
            (ctx, id) => ctx.Service<DeleteWebhook>().ExecuteAsync(id, ctx.CancellationToken));
        MutationFields.AddById<WebhookPayloadGraphType, Webhook>(mutation, "Webhook", "enableWebhook",
            "Turns a webhook on or off; on again, its pending deliveries go on and its day of failures starts over.", Policies.Admin,
            (ctx, id) => ctx.Service<EnableWebhook>().ExecuteAsync(id, ctx.GetArgument<bool>("enabled"), ctx.CancellationToken),
            field => field.Argument<NonNullGraphType<BooleanGraphType>>("enabled"));
    }
}
