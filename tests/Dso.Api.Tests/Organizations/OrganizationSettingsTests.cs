using Dso.Domain.Users;

namespace Dso.Api.Tests.Organizations;

[Collection(ApiServerGroup.Name)]
public class OrganizationSettingsTests(ApiServer server)
{
    private const string Update = "mutation($i: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $i) { organization { settings { rejectFileOnErrors staleDays minDaysBetweenContacts } } userErrors { field code } } }";

    [Fact]
    public async Task AnAdmin_ChangesOnlyTheGivenSettings_AndBadValuesAreUserErrors()
    {
        var key = await server.CreateOrganizationAsync("Settings SAS");

        var changed = await server.PostAsync(Update, new { i = new { rejectFileOnErrors = false, staleDays = 20 } }, key);
        var refused = await server.PostAsync(Update, new { i = new { staleDays = 0, minDaysBetweenContacts = 91 } }, key);

        Assert.Equal("{\"rejectFileOnErrors\":false,\"staleDays\":20,\"minDaysBetweenContacts\":0}", changed.Data("updateOrganizationSettings", "organization", "settings")!.ToJsonString());
        Assert.Equal(["input.staleDays", "input.minDaysBetweenContacts"],
            refused.UserErrors("updateOrganizationSettings").Select(e => string.Join('.', e!["field"]!.AsArray().Select(f => f!.GetValue<string>()))));
        Assert.False((await server.PostAsync("{ organization { settings { rejectFileOnErrors } } }", key: key)).Data("organization", "settings", "rejectFileOnErrors")!.GetValue<bool>());
    }

    [Fact]
    public async Task ACollector_CannotChangeSettings()
    {
        var admin = await server.CreateOrganizationAsync("Settings Roles SAS");
        var collector = await server.CreateKeyAsync(admin, Role.Collector);

        var answer = await server.PostAsync(Update, new { i = new { rejectFileOnErrors = false } }, collector);

        Assert.True(answer.Forbidden, answer.Body);
    }
}
