using Dso.Api.GraphQL.Common;
using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Templates;

/// <summary>A message model for one channel, in several languages.</summary>
public sealed class TemplateGraphType : ObjectGraphType<Template>
{
    public TemplateGraphType()
    {
        Name = "Template";
        this.NodeId();
        Field(t => t.Name);
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TemplateTranslationGraphType>>>>("translations")
            .Resolve(ctx => ctx.Source.Translations.OrderBy(t => t.Id));
        Field(t => t.Archived).Description("Retired: no new scenario step can use it.");
    }
}

/// <summary>A template's text in one language.</summary>
public sealed class TemplateTranslationGraphType : ObjectGraphType<TemplateTranslation>
{
    public TemplateTranslationGraphType()
    {
        Name = "TemplateTranslation";
        Field(t => t.Language);
        Field(t => t.Subject, nullable: true);
        Field(t => t.Body);
    }
}

/// <summary>A value templates can insert.</summary>
public sealed class TemplatePlaceholderGraphType : ObjectGraphType<Placeholder>
{
    public TemplatePlaceholderGraphType()
    {
        Name = "TemplatePlaceholder";
        Field(p => p.Path).Description("What to write between braces: {{client.name}}.");
        Field(p => p.Description);
        Field(p => p.InEachPiece).Description("Only inside {{#each pieces}}...{{/each}}, where it is the piece's.");
    }
}

/// <summary>An action's message as it would be sent.</summary>
public sealed class RenderedMessageGraphType : ObjectGraphType<RenderedMessage>
{
    public RenderedMessageGraphType()
    {
        Name = "RenderedMessage";
        Field<NonNullGraphType<TemplateGraphType>>("template").Resolve(ctx => ctx.Source.Template);
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field(m => m.Language).Description("The translation used: the contact's language, else the client's, else the organization's, else the template's first.");
        Field(m => m.Subject, nullable: true);
        Field(m => m.Body).Description("HTML-escaped values for emails; plain text for the other channels.");
        Field(m => m.To, nullable: true).Description("The collection contact's email (EMAIL) or phone (SMS, CALL).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("warnings")
            .Description("What fell back, such as a missing translation.").Resolve(ctx => ctx.Source.Warnings);
    }
}
