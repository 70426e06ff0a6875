using System.Globalization;
using Dso.Connectors.Abstractions;
using Dso.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dso.Api.Tests.Connections.Sap;

/// <summary>What the <c>sap-b1</c> plug-in does beyond the conformance suite: the session, paging, the currencies, the incremental overlap.</summary>
public sealed class SapB1ConnectorTests : IAsyncLifetime
{
    private readonly IConnector connector = SapB1ConformanceTests.Connector();
    private FakeServiceLayer erp = null!;

    public async Task InitializeAsync()
    {
        erp = await FakeServiceLayer.StartAsync();
        SapB1Ledger.Seed(erp);
    }

    public async Task DisposeAsync() => await erp.DisposeAsync();

    [Fact]
    public async Task AFullRead_PagesThroughTheRelativeNextLink_WithTheSessionCookies_AndReadsCustomersOnly()
    {
        var read = await ReadAsync(null, SyncMode.Full);

        Assert.Equal(["C20000", "C20007", "C20011"], read.SelectMany(b => b.Clients).Select(c => c.Code));
        Assert.Contains(erp.Server.Requests, r => r.StartsWith("GET /b1s/v1/Invoices?", StringComparison.Ordinal) && r.Contains("$skip=15", StringComparison.Ordinal));
        Assert.DoesNotContain(read.SelectMany(b => b.Pieces), p => p.Number is "240400" or "240401");
        Assert.All(erp.Cookies, c => Assert.Matches("^B1SESSION=[0-9a-f-]{36}; ROUTEID=.node1$", c));
        Assert.Equal(1, erp.Logins);
        // Each page of five is a batch: 1 of customers, 4 of invoices, 1 of credit notes, and the end.
        Assert.Equal(7, read.Count);
    }

    [Fact]
    public async Task Amounts_AreDocTotalLessPaidToDate_InTheDocumentsCurrency_AndCustomersCarryTheirIdentifiers()
    {
        var read = await ReadAsync(null, SyncMode.Full);
        var pieces = read.SelectMany(b => b.Pieces).ToDictionary(p => p.Number);
        var clients = read.SelectMany(b => b.Clients).ToDictionary(c => c.Code);

        // 240303: EUR, 1030.75 with 400 paid. 240315: CHF 1153.75 with 400 paid: the FC fields, not the local 1202.78.
        Assert.Equal(new PieceRecord(PieceKind.Invoice, "240303", "C20011", new(2024, 6, 1), new(2024, 7, 1), 1030.75m, 630.75m, "EUR"), pieces["240303"]);
        Assert.Equal((1153.75m, 753.75m, "CHF"), (pieces["240315"].Amount, pieces["240315"].OpenAmount, pieces["240315"].Currency));
        Assert.Equal((PieceKind.CreditNote, 121m, 121m), (pieces["250101"].Type, pieces["250101"].Amount, pieces["250101"].OpenAmount));
        Assert.Equal(("FR44732829320", "compta@boulangerie-martin.example", 15000m, "EUR"), (clients["C20000"].VatNumber, clients["C20000"].Email, clients["C20000"].CreditLimit, clients["C20000"].Currency));
        Assert.Equal(("552100554", null, null), (clients["C20011"].LegalId, clients["C20011"].Currency, clients["C20011"].CreditLimit));
    }

    [Fact]
    public async Task AnExpiredSession_LogsInAgainOnce_AndTheReadGoesOnFromThePageItFailedOn()
    {
        var context = Context();
        var batches = new List<ConnectorBatch>();
        await foreach (var batch in connector.ReadAsync(context, null, SyncMode.Full, CancellationToken.None))
        {
            batches.Add(batch);
            if (batches.Count == 2)
            {
                erp.ExpireSessions();
            }
        }

        Assert.Equal(2, erp.Logins);
        Assert.Equal(SapB1Ledger.OpenDocuments, batches.SelectMany(b => b.Pieces).Select(p => p.Number).Distinct().Count());
    }

    [Fact]
    public async Task ASessionRefusedAgainAfterTheNewLogin_IsAnAuthenticationFailure_NotALoop()
    {
        var expired = """{"error":{"code":301,"message":{"lang":"en-us","value":"Invalid session or session already timeout."}}}""";
        erp.Server.Enqueue("/b1s/v1/BusinessPartners", new ScriptedAnswer(401, expired));
        erp.Server.Enqueue("/b1s/v1/BusinessPartners", new ScriptedAnswer(401, expired));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => ReadAsync(null, SyncMode.Full));

        Assert.Equal(ConnectorErrorKind.Authentication, failure.Kind);
        Assert.Equal(2, erp.Logins);
    }

    [Fact]
    public async Task BadCredentials_AreOneRefusedLogin_WithTheServersWords()
    {
        var failure = await Assert.ThrowsAsync<ConnectorException>(() => ReadAsync(null, SyncMode.Full, "wrong"));

        Assert.Equal(ConnectorErrorKind.Authentication, failure.Kind);
        Assert.Contains("Login failed", failure.Message, StringComparison.Ordinal);
        Assert.Single(erp.Server.Requests, r => r.StartsWith("POST /b1s/v1/Login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABaseUrlThatIsNoAddress_FailsTheCheck_NamingTheSetting()
    {
        using var context = new TestConnectorContext(connector.Manifest, new { baseUrl = "b1.example:50000/b1s/v1", companyDb = FakeServiceLayer.Company, username = FakeServiceLayer.User, password = FakeServiceLayer.Password });

        var check = await connector.CheckAsync(context, CancellationToken.None);

        Assert.Equal((false, "The setting 'baseUrl' must be an absolute http or https address."), (check.Ok, check.Message));
    }

    [Fact]
    public async Task TooManyRequests_IsTransient_WithTheServersRetryAfter()
    {
        erp.Server.Enqueue("/b1s/v1/Invoices", ScriptedAnswer.TooManyRequests(7));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => ReadAsync(null, SyncMode.Full));

        Assert.Equal((ConnectorErrorKind.Transient, TimeSpan.FromSeconds(7)), (failure.Kind, failure.RetryAfter));
    }

    [Fact]
    public async Task AnIncrementalRead_AsksForChangesSinceTheDayBeforeTheLastRead_UpsertsTheOpenAndSettlesTheClosedAndCancelled()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 15, 18, 0, 0, TimeSpan.Zero));
        var full = await ReadAsync(null, SyncMode.Full, clock: clock);
        clock.Advance(TimeSpan.FromDays(1));
        erp.Invoices[1]["DocumentStatus"] = "bost_Close";
        erp.Invoices[1]["UpdateDate"] = "2024-06-16";
        erp.Invoices[2]["Cancelled"] = "tYES";
        erp.Invoices[2]["UpdateDate"] = "2024-06-16";
        erp.Invoices[3]["PaidToDate"] = 1041m;
        erp.Invoices[3]["UpdateDate"] = "2024-06-14";
        erp.Invoices.Add(FakeServiceLayer.Document(1700, 240500, "C20000", 99.99m, 0m, date: "2024-06-16", updated: "2024-06-16"));

        var changes = await ReadAsync(full[^1].Cursor, SyncMode.Incremental, clock: clock);

        Assert.Contains(erp.Server.Requests, r => r.StartsWith("GET /b1s/v1/Invoices?", StringComparison.Ordinal) && Uri.UnescapeDataString(r).Contains("UpdateDate ge '2024-06-14'", StringComparison.Ordinal));
        Assert.Equal(["240302", "240303"], changes.SelectMany(b => b.Settled).Select(k => k.Number).Order(StringComparer.Ordinal));
        Assert.Equal(["240304", "240500"], changes.SelectMany(b => b.Pieces).Select(p => p.Number).Order(StringComparer.Ordinal));
        Assert.Equal(0m, changes.SelectMany(b => b.Pieces).Single(p => p.Number == "240304").OpenAmount);
        Assert.Contains("\"started\":\"2024-06-16\"", changes[^1].Cursor, StringComparison.Ordinal);
    }

    private TestConnectorContext Context(string password = FakeServiceLayer.Password, TimeProvider? clock = null) =>
        new(connector.Manifest, SapB1Ledger.Settings(erp, password), clock);

    private async Task<List<ConnectorBatch>> ReadAsync(string? cursor, SyncMode mode, string password = FakeServiceLayer.Password, TimeProvider? clock = null)
    {
        using var context = Context(password, clock);
        var batches = new List<ConnectorBatch>();
        await foreach (var batch in connector.ReadAsync(context, cursor, mode, CancellationToken.None))
        {
            batches.Add(batch);
        }

        return batches;
    }
}
