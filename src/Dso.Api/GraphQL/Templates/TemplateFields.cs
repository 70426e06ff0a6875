using Dso.Api.Auth;
using Dso.Api.GraphQL.Common;
using Dso.Domain.Messaging;
using Dso.Domain.Persistence;
using Dso.Domain.Scenarios;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.GraphQL.Templates;

/// <summary>The templates feature's root fields: administrators manage templates, everyone can preview an action's message.</summary>
public static class TemplateFields
{
    public static void RegisterQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TemplateGraphType>>>>("templates")
            .Description("The templates, by name; archived ones only when asked.")
            .Argument<EnumerationGraphType<Channel>>("channel")
            .Argument<BooleanGraphType>("includeArchived", arg => arg.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                var channel = ctx.GetArgument<Channel?>("channel");
                var archived = ctx.GetArgument<bool>("includeArchived");
                return await ctx.Service<ListTemplates>().ExecuteAsync(channel, archived, ctx.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TemplatePlaceholderGraphType>>>>("templatePlaceholders")
            .Description("Every value a template can insert; any other name is refused when the template is saved.")
            .Resolve(_ => Placeholders.All);
        query.Field<RenderedMessageGraphType>("renderAction")
            .Description("An action's message as it would be sent today, with its own template or another of its channel; null for an unknown action.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IdGraphType>("templateId")
            .ResolveAsync(async ctx =>
            {
                if (GlobalId.DecodeAs("Action", ctx.GetArgument<string>("id")) is not { } id)
                {
                    return null;
                }

                var templateId = ctx.GetArgument<string?>("templateId") is { } given ? GlobalId.DecodeAs("Template", given) ?? -1 : (long?)null;
                return (await ctx.Service<RenderAction>().ExecuteAsync(id, templateId, ctx.CancellationToken)).OrThrow();
            });
    }

    public static void RegisterMutations(ObjectGraphType mutation)
    {
        MutationFields.Add<CreateTemplateInputGraphType, TemplatePayloadGraphType, Template>(mutation, "createTemplate",
            "Creates a template for a channel; a text naming an unknown placeholder is refused.", Policies.Admin,
            (ctx, input) => ctx.Service<CreateTemplate>().ExecuteAsync(Values(input), ctx.CancellationToken));
        MutationFields.Add<UpdateTemplateInputGraphType, TemplatePayloadGraphType, Template>(mutation, "updateTemplate",
            "Renames a template or replaces all its translations.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("Template", input, id => ctx.Service<UpdateTemplate>().ExecuteAsync(id, Values(input), ctx.CancellationToken)));
        MutationFields.Add<ArchiveTemplateInputGraphType, TemplatePayloadGraphType, Template>(mutation, "archiveTemplate",
            "Retires a template that no scenario in use has in its steps.", Policies.Admin,
            (ctx, input) => MutationFields.WithId("Template", input, id => ctx.Service<ArchiveTemplate>().ExecuteAsync(id, ctx.CancellationToken)));
    }

    private static TemplateInput Values(IDictionary<string, object?> input) => new(
        input.Value<string>("name"),
        input.Value<Channel?>("channel"),
        input.TryGetValue("translations", out var translations) && translations is not null
            ? input.Items("translations").Select(t => new TemplateTranslationInput(t.Value<string>("language"), t.Value<string>("subject"), t.Value<string>("body"))).ToList()
            : null);
}

/// <summary>A template's text in one language.</summary>
public sealed class TemplateTranslationInputGraphType : InputObjectGraphType
{
    public TemplateTranslationInputGraphType()
    {
        Name = "TemplateTranslationInput";
        Field<NonNullGraphType<StringGraphType>>("language").Description("fr, en, en-GB...");
        Field<StringGraphType>("subject").Description("Required for emails; letters may have one; other channels none.");
        Field<NonNullGraphType<StringGraphType>>("body").Description("Handlebars text naming only templatePlaceholders.");
    }
}

/// <summary>The input of createTemplate.</summary>
public sealed class CreateTemplateInputGraphType : InputObjectGraphType
{
    public CreateTemplateInputGraphType()
    {
        Name = "CreateTemplateInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TemplateTranslationInputGraphType>>>>("translations");
    }
}

/// <summary>The input of updateTemplate: null members stay as they are; translations replace all the template's.</summary>
public sealed class UpdateTemplateInputGraphType : InputObjectGraphType
{
    public UpdateTemplateInputGraphType()
    {
        Name = "UpdateTemplateInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<ListGraphType<NonNullGraphType<TemplateTranslationInputGraphType>>>("translations");
    }
}

/// <summary>The input of archiveTemplate.</summary>
public sealed class ArchiveTemplateInputGraphType() : IdInputGraphType("ArchiveTemplateInput");

/// <summary>The payload of the template mutations.</summary>
public sealed class TemplatePayloadGraphType() : PayloadGraphType<TemplateGraphType, Template>("TemplatePayload", "template");
