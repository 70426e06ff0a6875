namespace Dso.Api.Tests.Clients;

/// <summary>Client.address through upsertClients: set, kept when left out, and refused field by field.</summary>
[Collection(ApiServerGroup.Name)]
public class ClientAddressTests(ApiServer server)
{
    private const string Upsert = "mutation($c: [ClientInput!]!) { upsertClients(input: { clients: $c }) { clients { address { line1 line2 postalCode city country } } userErrors { field message } } }";

    [Fact]
    public async Task AnAddress_IsSetKeptAndChecked_FieldByField()
    {
        var key = await server.CreateOrganizationAsync("Address SAS");

        var set = await server.PostAsync(Upsert, new { c = new[] { new { code = "C1", name = "Alpha", address = new { line1 = " 3 quai Perrache ", postalCode = "69002", city = "Lyon" } } } }, key);
        var kept = await server.PostAsync(Upsert, new { c = new[] { new { code = "C1", name = "Alpha SAS" } } }, key);
        var bad = await server.PostAsync(Upsert, new { c = new[] { new { code = "C2", name = "Beta", address = new { line1 = "1 rue X", postalCode = "", city = "Paris", country = "XX" } } } }, key);

        Assert.Equal("{\"line1\":\"3 quai Perrache\",\"line2\":null,\"postalCode\":\"69002\",\"city\":\"Lyon\",\"country\":\"FR\"}", set.Data("upsertClients", "clients")![0]!["address"]!.ToJsonString());
        Assert.Equal("69002", kept.Data("upsertClients", "clients")![0]!["address"]!["postalCode"]!.GetValue<string>());
        var fields = bad.UserErrors("upsertClients").Select(e => string.Join('.', e!["field"]!.AsArray().Select(f => f!.GetValue<string>()))).ToList();
        Assert.Equal(["input.clients.0.address.postalCode", "input.clients.0.address.country"], fields);
        Assert.Empty(bad.Data("upsertClients", "clients")!.AsArray());
    }
}
