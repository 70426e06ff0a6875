using Dso.Connectors.Abstractions;
using Dso.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dso.Api.Tests.Connections.Sap;

/// <summary>What the <c>sap-s4</c> plug-in does beyond the conformance suite: open amounts from the open items, paging, the incremental read, the failures.</summary>
public sealed class SapS4ConnectorTests : IAsyncLifetime
{
    private const string ItemsPath = "/sap/opu/odata/sap/API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube";
    private readonly IConnector connector = SapS4ConformanceTests.Connector();
    private FakeS4 erp = null!;

    public async Task InitializeAsync()
    {
        erp = await FakeS4.StartAsync();
        SapS4Ledger.Seed(erp);
    }

    public async Task DisposeAsync() => await erp.DisposeAsync();

    [Fact]
    public async Task OpenAmounts_AreTheSumOfEachInvoicesOpenItems_AndEveryOtherItemIsAPieceOfItsOwn()
    {
        var read = await ReadAsync(null, SyncMode.Full);
        var pieces = read.SelectMany(b => b.Pieces).ToDictionary(p => p.Number);

        Assert.Equal(new PieceRecord(PieceKind.Invoice, "90001001", "10100001", new(2024, 6, 1), new(2024, 7, 1), 1100.50m, 900.50m, "EUR"), pieces["90001001"]);
        Assert.Equal((1201.00m, 1150.75m), (pieces["90001002"].Amount, pieces["90001002"].OpenAmount));
        Assert.Equal((PieceKind.CreditNote, 75m), (pieces["AV-8"].Type, pieces["AV-8"].OpenAmount));
        Assert.Equal((PieceKind.UnappliedPayment, "10100002", 500m), (pieces["1400000045/2024"].Type, pieces["1400000045/2024"].ClientCode, pieces["1400000045/2024"].OpenAmount));
        Assert.Equal(new DateOnly(2024, 8, 1), pieces["90001020-002"].DueDate);
        Assert.Equal((2500m, "USD"), (pieces["91000001"].OpenAmount, pieces["91000001"].Currency));
        Assert.DoesNotContain(pieces.Keys, n => n is "ACOMPTE" or "90000999" or "99000001" or "VIR-0615" or "AV-7");
        Assert.Equal(SapS4Ledger.OpenPieces, pieces.Count);
    }

    [Fact]
    public async Task Customers_CarryTheirIdentifiersEmailSalesCurrencyAndPostalAddress_AndOnlyCustomersAreRead()
    {
        var clients = (await ReadAsync(null, SyncMode.Full)).SelectMany(b => b.Clients).ToDictionary(c => c.Code);

        Assert.Equal(["10100001", "10100002", "17100001"], clients.Keys);
        Assert.Equal(("FR44732829320", null, "compta@boulangerie-martin.example", "EUR"), (clients["10100001"].VatNumber, clients["10100001"].LegalId, clients["10100001"].Email, clients["10100001"].Currency));
        Assert.Equal(("552100554", "Transports Leroy SAS"), (clients["10100002"].LegalId, clients["10100002"].Name));
        Assert.Equal("USD", clients["17100001"].Currency);
        Assert.Equal(new PostalAddressRecord("12 Rue de la Paix", null, "75002", "Paris", "FR"), clients["10100001"].Address);
        Assert.Null(clients["10100002"].Address);
    }

    [Fact]
    public async Task ServerPaging_FollowsTheNextLinkOnTheConfiguredHost_AndABatchHoldsWholeCustomers()
    {
        var read = await ReadAsync(null, SyncMode.Full);

        Assert.Contains(erp.Server.Requests, r => r.StartsWith("GET " + ItemsPath, StringComparison.Ordinal) && r.Contains("$skiptoken=8", StringComparison.Ordinal));
        // Customer 10100001's nine open items of 1010 span pages of four: its pieces come in one batch.
        Assert.Single(read, b => b.Pieces.Any(p => p.ClientCode == "10100001"));
        Assert.Contains("\"after\":\"10100001\"", read.First(b => b.Pieces.Any(p => p.ClientCode == "10100001")).Cursor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIncrementalRead_ReadsPartnersChangedSinceTheDayBeforeTheLastRead_AndSettlesTheItemsClearedSince()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 15, 18, 0, 0, TimeSpan.Zero));
        var full = await ReadAsync(null, SyncMode.Full, clock: clock);
        clock.Advance(TimeSpan.FromDays(1));
        var paid = erp.Items.Single(i => i["DocumentReferenceID"]!.GetValue<string>() == "90001003");
        (paid["IsCleared"], paid["ClearingCreationDate"]) = (true, FakeS4.Date("2024-06-16"));
        var partial = erp.Items.Single(i => i["DocumentReferenceID"]!.GetValue<string>() == "VIR-0615");
        (partial["IsCleared"], partial["ClearingCreationDate"]) = (true, FakeS4.Date("2024-06-16"));
        erp.Partners[1]["LastChangeDate"] = FakeS4.Date("2024-06-14");

        var changes = await ReadAsync(full[^1].Cursor, SyncMode.Incremental, clock: clock);

        var requests = erp.Server.Requests.Select(Uri.UnescapeDataString).ToList();
        Assert.Contains(requests, r => r.Contains("LastChangeDate ge datetime'2024-06-14T00:00:00'", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Contains("IsCleared eq true and ClearingCreationDate ge datetime'2024-06-14T00:00:00'", StringComparison.Ordinal));
        Assert.Equal(["10100002"], changes.SelectMany(b => b.Clients).Select(c => c.Code));
        Assert.Equal([new PieceKey(PieceKind.Invoice, "90001003")], changes.SelectMany(b => b.Settled));
        // The open set is read again: the invoice whose partial payment was cleared (not the invoice) is open in full.
        Assert.Equal(1100.50m, changes.SelectMany(b => b.Pieces).Single(p => p.Number == "90001001").OpenAmount);
        Assert.DoesNotContain(changes.SelectMany(b => b.Pieces), p => p.Number == "90001003");
    }

    [Fact]
    public async Task RefusedCredentials_AreOneAuthenticationFailure_OverTheHtmlPage()
    {
        var failure = await Assert.ThrowsAsync<ConnectorException>(() => ReadAsync(null, SyncMode.Full, "wrong"));

        Assert.Equal(ConnectorErrorKind.Authentication, failure.Kind);
        Assert.Contains(FakeS4.User, failure.Message, StringComparison.Ordinal);
        Assert.Single(erp.Server.Requests);
    }

    [Fact]
    public async Task TooManyRequests_IsTransient_WithTheServersRetryAfter_AndAMissingCompanyCodeIsAConfigurationError()
    {
        erp.Server.Enqueue(ItemsPath, ScriptedAnswer.TooManyRequests(4));

        var busy = await Assert.ThrowsAsync<ConnectorException>(() => ReadAsync(null, SyncMode.Full));
        using var context = new TestConnectorContext(connector.Manifest, new { baseUrl = erp.BaseUrl, username = FakeS4.User, password = FakeS4.Password, companyCodes = Array.Empty<string>() });
        var check = await connector.CheckAsync(context, CancellationToken.None);

        Assert.Equal((ConnectorErrorKind.Transient, TimeSpan.FromSeconds(4)), (busy.Kind, busy.RetryAfter));
        Assert.False(check.Ok);
        Assert.Contains("companyCodes", check.Message, StringComparison.Ordinal);
    }

    private async Task<List<ConnectorBatch>> ReadAsync(string? cursor, SyncMode mode, string password = FakeS4.Password, TimeProvider? clock = null)
    {
        using var context = new TestConnectorContext(connector.Manifest, SapS4Ledger.Settings(erp, password), clock);
        var batches = new List<ConnectorBatch>();
        await foreach (var batch in connector.ReadAsync(context, cursor, mode, CancellationToken.None))
        {
            batches.Add(batch);
        }

        return batches;
    }
}
