using Dso.Domain.Messaging;

namespace Dso.Domain.Tests.Messaging;

public class TemplateSyntaxTests
{
    [Theory]
    [InlineData("Bonjour {{contact.name}}, {{client.name}} nous doit {{totals.overdueAmount}} au {{today}}.")]
    [InlineData("{{#each pieces}}{{number}} du {{issueDate}}, échue le {{dueDate}} : {{openAmount}} sur {{amount}} ({{daysOverdue}} j){{/each}}")]
    [InlineData("{{#each pieces}}{{@index}} {{this.number}} {{../client.name}} {{@root.organization.name}}{{#if @first}}!{{/if}}{{/each}}")]
    [InlineData("{{#if contact.email}}{{contact.email}}{{else}}{{contact.phone}}{{/if}}{{#unless pieces}}rien{{/unless}}")]
    [InlineData("{{! a comment }}{{!-- {{unknown}} in a long comment --}}\\{{literal}} {{~client.code~}}")]
    public void KnownPlaceholdersAndBlocks_AreAccepted(string text) => Assert.Empty(TemplateSyntax.Check(text));

    [Theory]
    [InlineData("Bonjour\n  {{client.nmae}}", "Unknown placeholder '{{client.nmae}}' (line 2, column 3).")]
    [InlineData("{{number}}", "Unknown placeholder '{{number}}' (line 1, column 1).")]
    [InlineData("{{#each pieces}}{{client.name}}{{/each}}", "Unknown placeholder '{{client.name}}' (line 1, column 17).")]
    [InlineData("{{#each clients}}x{{/each}}", "Only pieces can be looped over: 'clients' (line 1, column 1).")]
    [InlineData("{{{client.name}}}", "'{{{client.name}}}' would insert a value without escaping it; write {{path}} (line 1, column 1).")]
    [InlineData("{{&client.name}}", "'{{&client.name}}' would insert a value without escaping it; write {{path}} (line 1, column 1).")]
    [InlineData("{{> footer}}", "Partials are not available: '{{> footer}}' (line 1, column 1).")]
    [InlineData("{{lookup client 'name'}}", "Helpers are not available: '{{lookup client 'name'}}' (line 1, column 1).")]
    [InlineData("{{#with client}}x{{/with}}", "Only {{#each pieces}}, {{#if path}} and {{#unless path}} blocks are available: '{{#with client}}' (line 1, column 1).")]
    [InlineData("{{#if client.name}}open", "The template does not compile: Reached end of template before block expression 'if' was closed")]
    public void UnknownPlaceholdersAndUnsafeSyntax_AreRefused_NamingWhere(string text, string problem) =>
        Assert.Equal(problem, Assert.Single(TemplateSyntax.Check(text)));
}
