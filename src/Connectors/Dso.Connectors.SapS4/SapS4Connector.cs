using System.Runtime.CompilerServices;
using System.Text.Json;
using Dso.Connectors.Abstractions;
using Dso.Connectors.Shared;

namespace Dso.Connectors.SapS4;

/// <summary>
/// The <c>sap-s4</c> connector: SAP S/4HANA through <c>API_BUSINESS_PARTNER</c> (the customers) and
/// <c>API_OPLACCTGDOCITEMCUBE_SRV</c> (their open items), company code after company code. Items come in customer
/// order and a customer's items are turned into pieces together, once all are read: a partial payment or a credit
/// memo pointing at an open invoice reduces that invoice's open amount. A batch holds whole customers, and the cursor
/// is the last of them. Every read lists the open set (the cube dates changes to the day only, and a payment on an
/// old invoice changes nothing on the invoice's item): a FULL read lets the host settle what it no longer lists; an
/// INCREMENTAL one reads only the partners changed since the day before the last read began, and settles the items
/// cleared since then.
/// </summary>
public sealed class SapS4Connector : IConnector
{
    private const string Partners = "partners";
    private const int PartnerPage = 200;
    private const int ItemPage = 1000;

    public ConnectorManifest Manifest { get; } = new("sap-s4", "SAP S/4HANA", "Dso", "1.0.0",
        ConnectorCapabilities.Full | ConnectorCapabilities.Incremental | ConnectorCapabilities.Clients | ConnectorCapabilities.Deletions,
        [
            new SettingDefinition("baseUrl", SettingType.Text, Required: true, Description: "The host's root, e.g. https://s4.example:44300 (a ?sap-client=100 goes with every request)"),
            new SettingDefinition("username", SettingType.Text, Required: true, Description: "A communication user (SAP_COM_0303 and SAP_COM_0008)"),
            new SettingDefinition("password", SettingType.Text, Required: true, Secret: true),
            new SettingDefinition("companyCodes", SettingType.TextList, Required: true, Description: "The company codes to read, e.g. [\"1010\",\"1710\"]"),
        ]);

    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            var odata = new ODataV2(context);
            var codes = CompanyCodes(context.Settings);
            await foreach (var _ in odata.PagesAsync($"API_BUSINESS_PARTNER/A_BusinessPartner?$filter={Filter("Customer ne ''")}&$top=1&$format=json", 1, cancellationToken))
            {
                break;
            }

            foreach (var code in codes)
            {
                await foreach (var _ in odata.PagesAsync(ItemQuery(code, "IsCleared eq false", 1), 1, cancellationToken))
                {
                    break;
                }
            }

            return new CheckResult(true, $"Read the business partners and the open items of {string.Join(", ", codes)} as {context.Settings.Require("username")}.");
        }
        catch (ConnectorException e) when (e.Kind != ConnectorErrorKind.Transient)
        {
            return new CheckResult(false, e.Message);
        }
    }

    public async IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var codes = CompanyCodes(context.Settings);
        var odata = new ODataV2(context);
        var position = ReadCursor.Start(cursor, Partners, mode, DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime), context.Logger);
        var stages = new[] { Partners }.Concat(codes.Select(c => "items:" + c)).Concat(position.Since is null ? [] : codes.Select(c => "cleared:" + c)).ToList();
        if (!stages.Contains(position.Stage))
        {
            position = position with { Stage = Partners, After = null };
        }

        foreach (var stage in stages.SkipWhile(s => s != position.Stage))
        {
            var after = stage == position.Stage ? position.After : null;
            var (kind, code) = (stage.Split(':')[0], stage.Split(':').ElementAtOrDefault(1) ?? "");
            var reading = kind switch
            {
                "items" => OpenItemsAsync(odata, code, after, cancellationToken),
                "cleared" => ClearedAsync(odata, code, position.Since!.Value, cancellationToken),
                _ => PartnersAsync(odata, position.Since, after, cancellationToken),
            };
            await foreach (var (batch, last) in reading)
            {
                position = position with { Stage = stage, After = last };
                yield return batch with { Cursor = position.ToString() };
            }
        }

        yield return new ConnectorBatch([], [], position.Finished.ToString());
    }

    private static async IAsyncEnumerable<(ConnectorBatch, string?)> PartnersAsync(ODataV2 odata, DateOnly? since, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = "Customer ne ''" + (since is { } day ? $" and LastChangeDate ge {DateTime(day.AddDays(-1))}" : "") + (after is null ? "" : $" and BusinessPartner gt {Literal(after)}");
        var query = $"API_BUSINESS_PARTNER/A_BusinessPartner?$filter={Filter(filter)}&$orderby=BusinessPartner&$expand={S4Partners.Expand}&$top={PartnerPage}&$format=json";
        await foreach (var page in odata.PagesAsync(query, PartnerPage, cancellationToken))
        {
            yield return (S4Partners.Batch(page), ErpValues.Text(page[page.GetArrayLength() - 1], "BusinessPartner"));
        }
    }

    // A customer's items may span pages: the last customer of a page waits for the next page, or for the end.
    private static async IAsyncEnumerable<(ConnectorBatch, string?)> OpenItemsAsync(ODataV2 odata, string code, string? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (pending, rejected) = (new List<S4Item>(), new List<RejectedRecord>());
        var query = ItemQuery(code, "IsCleared eq false" + (after is null ? "" : $" and Customer gt {Literal(after)}"), ItemPage);
        await foreach (var page in odata.PagesAsync(query, ItemPage, cancellationToken))
        {
            pending.AddRange(Parse(page, rejected));
            var last = pending.Count > 0 ? pending[^1].Customer : null;
            var done = pending.TakeWhile(i => i.Customer != last).ToList();
            if (done.Count > 0)
            {
                pending.RemoveRange(0, done.Count);
                yield return (Batch(done, rejected), done[^1].Customer);
                rejected = [];
            }
        }

        if (pending.Count > 0 || rejected.Count > 0)
        {
            yield return (Batch(pending, rejected), pending.Count > 0 ? pending[^1].Customer : after);
        }
    }

    private static async IAsyncEnumerable<(ConnectorBatch, string?)> ClearedAsync(ODataV2 odata, string code, DateOnly since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = ItemQuery(code, $"IsCleared eq true and ClearingCreationDate ge {DateTime(since.AddDays(-1))}", ItemPage);
        await foreach (var page in odata.PagesAsync(query, ItemPage, cancellationToken))
        {
            var rejected = new List<RejectedRecord>();
            var settled = Parse(page, rejected).Select(i => i.Settles).OfType<PieceKey>().Distinct().ToList();
            yield return (new ConnectorBatch([], [], null) { Settled = settled, Rejected = rejected }, null);
        }
    }

    private static ConnectorBatch Batch(List<S4Item> items, List<RejectedRecord> rejected) =>
        new([], [.. items.GroupBy(i => i.Customer, StringComparer.Ordinal).SelectMany(g => S4Item.Pieces([.. g]))], null) { Rejected = rejected };

    private static List<S4Item> Parse(JsonElement page, List<RejectedRecord> rejected)
    {
        var items = new List<S4Item>();
        foreach (var record in page.EnumerateArray())
        {
            try
            {
                items.Add(S4Item.Parse(record));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedRecord(S4Item.Describe(record), e.Message));
            }
        }

        return items;
    }

    private static string ItemQuery(string code, string condition, int top) =>
        $"API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube?$filter={Filter($"CompanyCode eq {Literal(code)} and FinancialAccountType eq 'D' and {condition}")}" +
        $"&$select={S4Item.Fields}&$orderby=Customer,FiscalYear,AccountingDocument,AccountingDocumentItem&$top={top}&$format=json";

    private static IReadOnlyList<string> CompanyCodes(ConnectorSettings settings) =>
        settings.GetStrings("companyCodes") is { Count: > 0 } codes && codes.All(c => c.Length is > 0 and <= 4)
            ? codes
            : throw new ConnectorException(ConnectorErrorKind.Configuration, "The setting 'companyCodes' must list company codes of 1 to 4 characters, e.g. [\"1010\"].");

    private static string Filter(string filter) => Uri.EscapeDataString(filter);

    private static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string DateTime(DateOnly day) => $"datetime'{ErpValues.Day(day)}T00:00:00'";
}
