using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dso.Connectors.Testing;
using Microsoft.AspNetCore.Http;

namespace Dso.Api.Tests.Connections.Sap;

/// <summary>
/// SAP S/4HANA's OData v2 services on loopback, as the Gateway answers: HTTP Basic, refused with a 401 and an HTML
/// page; <c>{"d":{"results":[...],"__next":...}}</c> with server-side paging (<see cref="ServerPageSize"/>, an
/// absolute <c>__next</c> naming the system's public host, as behind a proxy) within the client's <c>$top</c> and
/// <c>$skip</c>; <c>/Date(ms)/</c> dates and decimals as strings; <c>$filter</c>, <c>$orderby</c>, <c>$select</c>,
/// and <c>$expand</c> of the business partner's navigations (expanded as <c>{"results":[...]}</c>). An unknown
/// property is a 400 with the Gateway's error body.
/// </summary>
public sealed class FakeS4 : IAsyncDisposable
{
    public const string User = "DSO_COMM_USER";
    public const string Password = "S4-Secret-0303";
    public const string PublicHost = "https://s4.example.test";
    private const string Root = "/sap/opu/odata/sap/";

    private FakeS4(FakeErpServer server) => Server = server;

    public FakeErpServer Server { get; }

    public string BaseUrl => Server.BaseAddress.ToString().TrimEnd('/');

    public List<JsonObject> Partners { get; } = [];

    public List<JsonObject> Items { get; } = [];

    public int ServerPageSize { get; set; } = 4;

    public TimeSpan Delay { get; set; }

    public static async Task<FakeS4> StartAsync()
    {
        var erp = new FakeS4(await FakeErpServer.StartAsync());
        erp.Server.Map(Root + "API_BUSINESS_PARTNER/A_BusinessPartner", c => erp.CollectionAsync(c, "API_BUSINESS_PARTNER/A_BusinessPartner", erp.Partners));
        erp.Server.Map(Root + "API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube", c => erp.CollectionAsync(c, "API_OPLACCTGDOCITEMCUBE_SRV/A_OperationalAcctgDocItemCube", erp.Items));
        return erp;
    }

    public static string Date(string day) =>
        $"/Date({new DateTimeOffset(DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds()})/";

    /// <summary>A customer partner; its address has a street only when <paramref name="street"/> (house number, street name) is given, as partners without a postal address are kept.</summary>
    public static JsonObject Partner(string customer, string name, string? tax = null, string? email = null, string currency = "EUR", string changed = "2024-06-01", (string Number, string Street)? street = null) => new()
    {
        ["BusinessPartner"] = customer, ["Customer"] = customer, ["BusinessPartnerCategory"] = "2", ["BusinessPartnerFullName"] = name, ["OrganizationBPName1"] = name,
        ["BusinessPartnerIsBlocked"] = false, ["LastChangeDate"] = Date(changed), ["LastChangeTime"] = "PT09H12M44S",
        ["to_BusinessPartnerTax"] = Results(tax is null ? [] : [new JsonObject { ["BusinessPartner"] = customer, ["BPTaxType"] = "FR0", ["BPTaxNumber"] = tax, ["BPTaxLongNumber"] = "" }]),
        ["to_BusinessPartnerAddress"] = Results([new JsonObject
        {
            ["BusinessPartner"] = customer, ["AddressID"] = "24151", ["StreetName"] = street?.Street ?? "", ["HouseNumber"] = street?.Number ?? "", ["PostalCode"] = "75002", ["CityName"] = "Paris", ["Country"] = "FR",
            ["to_EmailAddress"] = Results(email is null ? [] : [new JsonObject { ["AddressID"] = "24151", ["OrdinalNumber"] = "1", ["IsDefaultEmailAddress"] = true, ["EmailAddress"] = email }]),
        }]),
        ["to_Customer"] = new JsonObject
        {
            ["Customer"] = customer, ["VATRegistration"] = "", ["to_CustomerSalesArea"] = Results([new JsonObject { ["Customer"] = customer, ["SalesOrganization"] = "1010", ["Currency"] = currency }]),
        },
    };

    /// <summary>A customer line item; a negative <paramref name="amount"/> is a credit (<c>H</c>).</summary>
    public static JsonObject Item(
        string code, string year, string document, string item, string customer, string type, decimal amount, string reference = "", string currency = "EUR",
        string date = "2024-06-01", string due = "2024-07-01", bool cleared = false, string? clearedOn = null, string invoice = "", string invoiceYear = "", string invoiceItem = "", string specialGl = "") => new()
    {
        ["__metadata"] = new JsonObject { ["type"] = "API_OPLACCTGDOCITEMCUBE_SRV.A_OperationalAcctgDocItemCubeType" },
        ["CompanyCode"] = code, ["FiscalYear"] = year, ["AccountingDocument"] = document, ["AccountingDocumentItem"] = item, ["FinancialAccountType"] = "D",
        ["Customer"] = customer, ["AccountingDocumentType"] = type, ["DebitCreditCode"] = amount < 0 ? "H" : "S", ["SpecialGLCode"] = specialGl,
        ["DocumentReferenceID"] = reference, ["BillingDocument"] = "", ["DocumentDate"] = Date(date), ["PostingDate"] = Date(date), ["NetDueDate"] = Date(due),
        ["AmountInTransactionCurrency"] = amount.ToString("0.00", CultureInfo.InvariantCulture), ["TransactionCurrency"] = currency,
        ["IsCleared"] = cleared, ["ClearingCreationDate"] = clearedOn is null ? null : Date(clearedOn), ["ClearingAccountingDocument"] = cleared ? "1400009999" : "",
        ["InvoiceReference"] = invoice, ["InvoiceReferenceFiscalYear"] = invoiceYear, ["InvoiceItemReference"] = invoiceItem,
        ["IsReversed"] = false, ["LastChangeDate"] = Date(date),
    };

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static JsonObject Results(JsonNode?[] records) => new() { ["results"] = new JsonArray(records) };

    private static Task WriteAsync(HttpContext context, int status, string body, string type = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private async Task CollectionAsync(HttpContext context, string path, List<JsonObject> records)
    {
        if (context.Request.Headers.Authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"SAP NetWeaver Application Server [S4H/100]\"";
            await WriteAsync(context, 401, "<html><head><title>Logon Error Message</title></head><body>Anmeldung fehlgeschlagen</body></html>", "text/html; charset=utf-8");
            return;
        }

        await Task.Delay(Delay, context.RequestAborted);
        var query = context.Request.Query;
        List<JsonObject> matching;
        try
        {
            lock (records)
            {
                matching = ODataQuery.Apply(records, query["$filter"], query["$orderby"]);
            }
        }
        catch (Exception e) when (e is UnknownPropertyException or FormatException)
        {
            var error = new JsonObject { ["error"] = new JsonObject { ["code"] = "/IWBEP/CM_MGW_RT/022", ["message"] = new JsonObject { ["lang"] = "en", ["value"] = e.Message } } };
            await WriteAsync(context, 400, error.ToJsonString());
            return;
        }

        var skip = int.TryParse(query["$skip"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var top = int.TryParse(query["$top"], CultureInfo.InvariantCulture, out var t) ? t : int.MaxValue;
        var token = int.TryParse(query["$skiptoken"], CultureInfo.InvariantCulture, out var k) ? k : 0;
        var wanted = matching.Skip(skip).Take(top).ToList();
        var page = wanted.Skip(token).Take(ServerPageSize).Select(r => Shape(r, query["$select"], query["$expand"])).ToArray();
        var d = new JsonObject { ["results"] = new JsonArray(page) };
        if (token + page.Length < wanted.Count)
        {
            var kept = string.Join("&", query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
            d["__next"] = $"{PublicHost}{Root}{path}?{kept}&$skiptoken={token + page.Length}";
        }

        await WriteAsync(context, 200, new JsonObject { ["d"] = d }.ToJsonString());
    }

    // Navigations are deferred unless expanded, as the Gateway writes them.
    private static JsonObject Shape(JsonObject record, string? select, string? expand)
    {
        var shaped = ODataQuery.Select(record, select);
        var expanded = (expand ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var navigation in shaped.Select(p => p.Key).Where(k => k.StartsWith("to_", StringComparison.Ordinal) && !expanded.Contains(k)).ToList())
        {
            shaped[navigation] = new JsonObject { ["__deferred"] = new JsonObject { ["uri"] = $"{PublicHost}/deferred/{navigation}" } };
        }

        return shaped;
    }
}
