using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dso.Connectors.Abstractions;
using Dso.Connectors.Shared;

namespace Dso.Connectors.SapB1;

/// <summary>
/// The <c>sap-b1</c> connector: SAP Business One through its Service Layer (<c>/b1s/v1</c>). It reads the customers
/// (<c>BusinessPartners</c> of type <c>cCustomer</c>), then the invoices and the credit notes, each entity in
/// <c>DocEntry</c> (<c>CardCode</c>) order, page after page through the server's relative <c>odata.nextLink</c>; a
/// page is a batch. A FULL read lists the open, uncancelled documents (the host settles those it no longer lists);
/// an INCREMENTAL read lists what changed since the day before the last read began (<c>UpdateDate</c> is a date
/// only): open documents are upserted, closed or cancelled ones settled. Open amounts are <c>DocTotal −
/// PaidToDate</c>, or <c>DocTotalFc − PaidToDateFC</c> for a document in a currency other than the company's.
/// </summary>
public sealed class SapB1Connector : IConnector
{
    private static readonly string[] Stages = ["BusinessPartners", "Invoices", "CreditNotes"];

    public ConnectorManifest Manifest { get; } = new("sap-b1", "SAP Business One", "Dso", "1.0.0",
        ConnectorCapabilities.Full | ConnectorCapabilities.Incremental | ConnectorCapabilities.Clients | ConnectorCapabilities.Deletions,
        [
            new SettingDefinition("baseUrl", SettingType.Text, Required: true, Description: "The Service Layer's root, e.g. https://b1.example:50000/b1s/v1"),
            new SettingDefinition("companyDb", SettingType.Text, Required: true, Description: "The company database (SBODEMOFR)"),
            new SettingDefinition("username", SettingType.Text, Required: true, Description: "A Business One user"),
            new SettingDefinition("password", SettingType.Text, Required: true, Secret: true),
            new SettingDefinition("pageSize", SettingType.WholeNumber, Default: "100", Description: "Records per page (Prefer: odata.maxpagesize), 1 to 5000"),
        ]);

    public async Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await ServiceLayer.OpenAsync(context, cancellationToken);
            var currency = await session.LocalCurrencyAsync(cancellationToken);
            return new CheckResult(true, $"Logged in to {context.Settings.Require("companyDb")} as {context.Settings.Require("username")} (Service Layer {session.Version}, local currency {currency}).");
        }
        catch (ConnectorException e) when (e.Kind != ConnectorErrorKind.Transient)
        {
            return new CheckResult(false, e.Message);
        }
    }

    public async IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var position = ReadCursor.Start(cursor, Stages[0], mode, DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime), context.Logger);
        if (!Stages.Contains(position.Stage))
        {
            position = position with { Stage = Stages[0], After = null };
        }

        await using var session = await ServiceLayer.OpenAsync(context, cancellationToken);
        var local = await session.LocalCurrencyAsync(cancellationToken);
        foreach (var stage in Stages.SkipWhile(s => s != position.Stage))
        {
            var next = Query(stage, position.Since, stage == position.Stage ? position.After : null);
            while (next is not null)
            {
                using var page = await session.GetAsync(next, cancellationToken);
                var records = page.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array ? value : default;
                var following = ErpValues.Text(page.RootElement, "odata.nextLink") ?? ErpValues.Text(page.RootElement, "@odata.nextLink");
                next = following != next ? following : throw new ConnectorException(ConnectorErrorKind.Transient, $"{ServiceLayer.Erp} gave the page it answered as its next one: the read stops rather than loop.");
                if (records.ValueKind != JsonValueKind.Array || records.GetArrayLength() == 0)
                {
                    continue;
                }

                var batch = stage == Stages[0] ? B1Records.Customers(records) : B1Records.Documents(records, stage, stage == "Invoices" ? PieceKind.Invoice : PieceKind.CreditNote, local);
                position = position with { Stage = stage, After = Key(records[records.GetArrayLength() - 1], stage) };
                yield return batch with { Cursor = position.ToString() };
            }
        }

        yield return new ConnectorBatch([], [], position.Finished.ToString());
    }

    // The entity's records in key order, after the last one delivered: the open set (a FULL read, or the first
    // incremental one), or every record changed since the day before the last read began.
    private static string Query(string stage, DateOnly? since, string? after)
    {
        var customers = stage == Stages[0];
        var filters = new List<string>();
        if (customers)
        {
            filters.Add("CardType eq 'cCustomer'");
        }
        else if (since is null)
        {
            filters.Add("DocumentStatus eq 'bost_Open' and Cancelled eq 'tNO'");
        }

        if (since is { } day)
        {
            filters.Add($"UpdateDate ge '{ErpValues.Day(day.AddDays(-1))}'");
        }

        if (after is not null)
        {
            filters.Add(customers ? $"CardCode gt '{after.Replace("'", "''", StringComparison.Ordinal)}'" : $"DocEntry gt {after}");
        }

        var select = customers ? B1Records.CustomerFields : B1Records.DocumentFields;
        return $"{stage}?$select={select}&$filter={Uri.EscapeDataString(string.Join(" and ", filters))}&$orderby={(customers ? "CardCode" : "DocEntry")}";
    }

    private static string? Key(JsonElement record, string stage) => stage == Stages[0]
        ? ErpValues.Text(record, "CardCode")
        : record.TryGetProperty("DocEntry", out var entry) && entry.TryGetInt64(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
}
