using Dso.Domain.Users;

namespace Dso.Api.Tests.Templates;

[Collection(ApiServerGroup.Name)]
public class TemplateApiTests(ApiServer server)
{
    private const string Create = """
        mutation($body: String!) {
          createTemplate(input: { name: "Relance", channel: EMAIL, translations: [{ language: "fr", subject: "Relance {{client.name}}", body: $body }] }) {
            template { id name translations { language } } userErrors { field code message }
          }
        }
        """;

    [Fact]
    public async Task AScenarioActionsMessage_RendersOverHttp_AndAnotherOrganizationGetsNull()
    {
        var key = await server.CreateOrganizationAsync("Modèles SAS");
        var template = (await server.PostAsync(Create, new { body = "{{#each pieces}}{{number}} : {{openAmount}} ({{daysOverdue}} j){{/each}}" }, key))
            .Data("createTemplate", "template", "id")!.GetValue<string>();
        await server.PostAsync("mutation($t: ID!) { createScenario(input: { name: \"Standard\", isDefault: true, steps: [{ offsetDays: 5, channel: EMAIL, templateId: $t, autoSend: true }] }) { userErrors { message } } }",
            new { t = template }, key);
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha & Cie\", contacts: [{ name: \"Léa\", email: \"lea@alpha.example\", isCollectionContact: true }] }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-06-01\", amount: \"1500\", openAmount: \"1500\", balanceDate: \"2025-05-01\" }] }) { userErrors { message } } }", key: key);
        var action = (await server.PostAsync("mutation { runScenarios(input: {}) { actions { id template { name } } } }", key: key)).Data("runScenarios", "actions")![0]!;
        const string Render = "query($a: ID!) { renderAction(id: $a) { language subject body to warnings template { name } } }";

        var rendered = (await server.PostAsync(Render, new { a = action["id"]!.GetValue<string>() }, key)).Data("renderAction")!;
        var elsewhere = await server.PostAsync(Render, new { a = action["id"]!.GetValue<string>() }, await server.CreateOrganizationAsync("Ailleurs SAS"));

        Assert.Equal("Relance", action["template"]!["name"]!.GetValue<string>());
        Assert.Equal(("fr", "Relance Alpha & Cie", "F1 : 1\u202F500,00 € (29 j)", "lea@alpha.example"),
            (rendered["language"]!.GetValue<string>(), rendered["subject"]!.GetValue<string>(), rendered["body"]!.GetValue<string>(), rendered["to"]!.GetValue<string>()));
        Assert.Empty(rendered["warnings"]!.AsArray());
        Assert.Null(elsewhere.Data("renderAction"));
    }

    [Fact]
    public async Task AnUnknownPlaceholder_IsAUserErrorOnTheBody_AndAViewerCannotSaveTemplates()
    {
        var key = await server.CreateOrganizationAsync("Placeholders SAS");

        var unknown = await server.PostAsync(Create, new { body = "Bonjour {{client.nom}}" }, key);
        var viewer = await server.PostAsync(Create, new { body = "Bonjour {{client.name}}" }, await server.CreateKeyAsync(key, Role.Viewer));
        var templates = await server.PostAsync("{ templates { name } templatePlaceholders { path } }", key: key);

        var error = unknown.UserErrors("createTemplate").Single()!;
        Assert.Equal(("input.translations.0.body", "INVALID", "Unknown placeholder '{{client.nom}}' (line 1, column 9)."),
            (string.Join('.', error["field"]!.AsArray().Select(f => f!.GetValue<string>())), error["code"]!.GetValue<string>(), error["message"]!.GetValue<string>()));
        Assert.True(viewer.Forbidden, viewer.Body);
        // Only the native templates every organization starts with.
        Assert.Equal(Dso.Domain.Messaging.StandardTemplates.All.Select(t => t.Name!).Order(StringComparer.Ordinal), templates.Data("templates")!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains("totals.overdueAmount", templates.Data("templatePlaceholders")!.AsArray().Select(p => p!["path"]!.GetValue<string>()));
    }
}
