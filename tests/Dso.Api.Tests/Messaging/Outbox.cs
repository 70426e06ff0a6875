using System.Text.Json.Nodes;
using Dso.Domain.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Api.Tests.Messaging;

/// <summary>What the messaging tests share: an organization whose scenario makes today's automatic message, and a turn of the outbox.</summary>
internal static class Outbox
{
    public const string Messages = "query($c: ID) { messages(clientId: $c) { totalCount nodes { id channel state attempts to subject language error sentAt documentUrl action { state } } } }";

    /// <summary>
    /// An organization with one client ("Client SAS", code C1) whose invoices (1 500 and 800, due five days before the
    /// test clock's Monday 30 June 2025 by <paramref name="offsetDays"/>) make today's automatic message of <paramref name="channel"/>: an e-mail with a
    /// French and English template of the test's, or the organization's native template of that channel (the SMS one
    /// written here). Returns the key and the client's ID.
    /// </summary>
    public static async Task<(string Key, string Client)> ArrangeAsync(ApiServer server, string name, string email, string language,
        string channel = "EMAIL", int invoices = 1, string? phone = null, object? address = null, int offsetDays = 5)
    {
        var key = await server.CreateOrganizationAsync(name);
        var template = channel switch
        {
            "EMAIL" => (await server.PostAsync("""
                mutation {
                  createTemplate(input: { name: "Relance", channel: EMAIL, translations: [
                    { language: "fr", subject: "{{organization.name}} : {{totals.count}} facture(s) à régler", body: "<p>Bonjour {{contact.name}},</p><ul>{{#each pieces}}<li>{{number}} : {{openAmount}}</li>{{/each}}</ul>" },
                    { language: "en", subject: "{{organization.name}}: {{totals.count}} invoice(s) to pay", body: "<p>Dear {{contact.name}},</p><ul>{{#each pieces}}<li>{{number}}: {{openAmount}}</li>{{/each}}</ul>" }] }) {
                    template { id } userErrors { message }
                  }
                }
                """, key: key)).Data("createTemplate", "template", "id")!.GetValue<string>(),
            "SMS" => (await server.PostAsync("""
                mutation {
                  createTemplate(input: { name: "SMS", channel: SMS, translations: [{ language: "fr", body: "{{organization.name}} : {{totals.openAmount}} à régler." }] }) {
                    template { id } userErrors { message }
                  }
                }
                """, key: key)).Data("createTemplate", "template", "id")!.GetValue<string>(),
            "INTERNAL_EMAIL" => (await server.PostAsync("""
                mutation {
                  createTemplate(input: { name: "Aide", channel: INTERNAL_EMAIL, translations: [{ language: "fr", subject: "Litige {{client.name}}", body: "<p>Pouvez-vous nous aider sur {{#each pieces}}{{number}} {{/each}}?</p>" }] }) {
                    template { id } userErrors { message }
                  }
                }
                """, key: key)).Data("createTemplate", "template", "id")!.GetValue<string>(),
            _ => (await server.PostAsync("{ templates { id channel } }", key: key)).Data("templates")!.AsArray()
                .First(t => t!["channel"]!.GetValue<string>() == channel)!["id"]!.GetValue<string>(),
        };
        var scenario = await server.PostAsync("mutation($t: ID!, $c: Channel!, $o: Int!) { createScenario(input: { name: \"Standard\", isDefault: true, steps: [{ offsetDays: $o, channel: $c, templateId: $t, autoSend: true }] }) { userErrors { message } } }",
            new { t = template, c = channel, o = offsetDays }, key);
        Assert.Empty(scenario.UserErrors("createScenario"));
        var prefix = $"F-{name.Split(' ')[1].ToUpperInvariant()}";
        var client = await server.PostAsync(
            "mutation($e: String, $l: String!, $p: String, $a: PostalAddressInput) { upsertClients(input: { clients: [{ code: \"C1\", name: \"Client SAS\", address: $a, contacts: [{ name: \"Léa\", email: $e, phone: $p, language: $l, isCollectionContact: true }] }] }) { clients { id } userErrors { field message } } }",
            new { e = email, l = language, p = phone, a = address }, key);
        Assert.Empty(client.UserErrors("upsertClients"));
        var due = new DateOnly(2025, 6, 30).AddDays(-offsetDays);
        var pieces = string.Join(", ", Enumerable.Range(1, invoices).Select(i =>
            $"{{ type: INVOICE, number: \"{prefix}-{i}\", clientCode: \"C1\", issueDate: \"{due.AddDays(-31):yyyy-MM-dd}\", dueDate: \"{due:yyyy-MM-dd}\", amount: \"{(i == 1 ? 1500 : 800)}\", openAmount: \"{(i == 1 ? 1500 : 800)}\" }}"));
        Assert.Empty((await server.PostAsync($"mutation {{ upsertPieces(input: {{ pieces: [{pieces}] }}) {{ userErrors {{ message }} }} }}", key: key)).UserErrors("upsertPieces"));
        var actions = (await server.PostAsync("mutation { runScenarios(input: {}) { actions { automatic dueDate } } }", key: key)).Data("runScenarios", "actions")!.AsArray();
        Assert.Equal("[{\"automatic\":true,\"dueDate\":\"2025-06-30\"}]", actions.ToJsonString());
        return (key, client.Data("upsertClients", "clients")![0]!["id"]!.GetValue<string>());
    }

    /// <summary>One turn of the outbox at the test clock's time: due actions queued, the queue sent.</summary>
    public static async Task TurnAsync(ApiServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunOutbox>().ExecuteAsync(CancellationToken.None);
    }

    /// <summary>The client's messages, newest first.</summary>
    public static async Task<JsonArray> MessagesAsync(ApiServer server, string key, string client) =>
        (await server.PostAsync(Messages, new { c = client }, key)).Data("messages", "nodes")!.AsArray();
}
