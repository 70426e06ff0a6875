using Dso.Api.GraphQL.Common;
using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using GraphQL.Types;

namespace Dso.Api.GraphQL.Scenarios;

/// <summary>A message model for one channel, in several languages.</summary>
public sealed class TemplateGraphType : ObjectGraphType<Template>
{
    public TemplateGraphType()
    {
        Name = "Template";
        this.NodeId();
        Field(t => t.Name);
        Field<NonNullGraphType<EnumerationGraphType<Channel>>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TemplateTranslationGraphType>>>>("translations").Resolve(ctx => ctx.Source.Translations);
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
