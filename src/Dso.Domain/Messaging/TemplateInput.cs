using Dso.Domain.Scenarios;

namespace Dso.Domain.Messaging;

/// <summary>A template to create or change; null members stay as they are (the channel is set once, at creation).</summary>
public sealed record TemplateInput(string? Name, Channel? Channel, IReadOnlyList<TemplateTranslationInput>? Translations);

/// <summary>A template's text in one language; the subject is for emails and letters.</summary>
public sealed record TemplateTranslationInput(string? Language, string? Subject, string? Body);
