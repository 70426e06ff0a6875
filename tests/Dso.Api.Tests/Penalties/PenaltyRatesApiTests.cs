using Dso.Domain.Users;

namespace Dso.Api.Tests.Penalties;

[Collection(ApiServerGroup.Name)]
public class PenaltyRatesApiTests(ApiServer server)
{
    [Fact]
    public async Task AnAdministratorAddsAHalfYear_EveryoneReadsTheTables_AndACollectorCannotChangeThem()
    {
        var key = await server.CreateOrganizationAsync("Taux SAS");
        const string Upsert = "mutation { upsertPenaltyRates(input: { rates: [{ from: \"2026-01-01\", penaltyRatePercent: \"12.65\", legalInterestRatePercent: \"2.62\" }] }) { rates { from to builtIn } userErrors { code } } }";

        var refused = await server.PostAsync(Upsert, key: await server.CreateKeyAsync(key, Role.Collector));
        var added = await server.PostAsync(Upsert, key: key);
        var tables = await server.PostAsync("{ penaltyRates { from penaltyRatePercent legalInterestRatePercent builtIn } }", key: await server.CreateKeyAsync(key, Role.Viewer));
        var elsewhere = await server.PostAsync("{ penaltyRates { from } }", key: await server.CreateOrganizationAsync("Autre SAS"));

        Assert.True(refused.Forbidden, refused.Body);
        Assert.Equal("[{\"from\":\"2026-01-01\",\"to\":\"2026-06-30\",\"builtIn\":false}]", added.Data("upsertPenaltyRates", "rates")!.ToJsonString());
        Assert.Equal("{\"from\":\"2026-01-01\",\"penaltyRatePercent\":\"12.65\",\"legalInterestRatePercent\":\"2.62\",\"builtIn\":false}",
            tables.Data("penaltyRates")!.AsArray()[^1]!.ToJsonString());
        Assert.Equal("2025-07-01", elsewhere.Data("penaltyRates")!.AsArray()[^1]!["from"]!.GetValue<string>());
    }
}
