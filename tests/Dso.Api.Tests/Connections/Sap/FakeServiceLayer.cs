using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dso.Connectors.Testing;
using Microsoft.AspNetCore.Http;

namespace Dso.Api.Tests.Connections.Sap;

/// <summary>
/// A SAP Business One Service Layer (v1) on loopback, as the real one answers: <c>POST Login</c> sets
/// <c>B1SESSION</c> (without a <c>Path</c>, as real servers do) and <c>ROUTEID</c>; a request without a live session
/// is a 401 with error 301; collections page by <c>Prefer: odata.maxpagesize</c> (20 by default) with a relative
/// <c>odata.nextLink</c> (<c>$skip</c>); <c>$filter</c>, <c>$orderby</c> and <c>$select</c> are applied and an unknown
/// property is a 400; <c>CompanyService_GetAdminInfo</c> gives the local currency. A test changes the documents
/// between reads, expires the sessions, and counts the logins.
/// </summary>
public sealed class FakeServiceLayer : IAsyncDisposable
{
    public const string Company = "SBODEMOFR";
    public const string User = "manager";
    public const string Password = "b1-Secret!";
    private readonly ConcurrentDictionary<string, bool> sessions = new(StringComparer.Ordinal);
    private int logins;

    private FakeServiceLayer(FakeErpServer server) => Server = server;

    public FakeErpServer Server { get; }

    public string BaseUrl => new Uri(Server.BaseAddress, "b1s/v1").ToString();

    public List<JsonObject> BusinessPartners { get; } = [];

    public List<JsonObject> Invoices { get; } = [];

    public List<JsonObject> CreditNotes { get; } = [];

    /// <summary>How long a page of a collection takes.</summary>
    public TimeSpan Delay { get; set; }

    public int Logins => logins;

    /// <summary>The Cookie headers the collection requests came with.</summary>
    public ConcurrentQueue<string> Cookies { get; } = new();

    public static async Task<FakeServiceLayer> StartAsync()
    {
        var erp = new FakeServiceLayer(await FakeErpServer.StartAsync());
        erp.Server.Map("/b1s/v1/Login", erp.LoginAsync);
        erp.Server.Map("/b1s/v1/Logout", context => erp.Authorized(context, _ => Task.CompletedTask));
        erp.Server.Map("/b1s/v1/CompanyService_GetAdminInfo", context => erp.Authorized(context, c => WriteAsync(c, new JsonObject
        {
            ["odata.metadata"] = "$metadata#AdminInfo/@Element", ["CompanyName"] = "Boulangeries Réunies SA", ["LocalCurrency"] = "EUR", ["SystemCurrency"] = "EUR",
        })));
        foreach (var (entity, records) in new[] { ("BusinessPartners", erp.BusinessPartners), ("Invoices", erp.Invoices), ("CreditNotes", erp.CreditNotes) })
        {
            erp.Server.Map($"/b1s/v1/{entity}", context => erp.Authorized(context, c => erp.CollectionAsync(c, entity, records)));
        }

        return erp;
    }

    /// <summary>Every live session times out: the next request gets the 401 with error 301.</summary>
    public void ExpireSessions() => sessions.Clear();

    /// <summary>A business partner; <paramref name="billTo"/> (street, postal code, city) is its bill-to entry of <c>BPAddresses</c>, the flat address fields staying empty as when none is set.</summary>
    public static JsonObject Customer(string code, string name, string? vat = null, string currency = "EUR", decimal creditLimit = 0, string updated = "2024-06-01", string? email = null, string type = "cCustomer",
        (string Street, string ZipCode, string City)? billTo = null) => new()
    {
        ["CardCode"] = code, ["CardName"] = name, ["CardType"] = type, ["FederalTaxID"] = vat, ["AdditionalID"] = null, ["EmailAddress"] = email,
        ["Currency"] = currency, ["CreditLimit"] = creditLimit, ["UpdateDate"] = updated, ["Address"] = "", ["ZipCode"] = "", ["City"] = "", ["Country"] = "FR",
        ["BPAddresses"] = billTo is { } a
            ? new JsonArray(new JsonObject { ["AddressName"] = "Facturation", ["AddressType"] = "bo_BillTo", ["Street"] = a.Street, ["Block"] = "", ["ZipCode"] = a.ZipCode, ["City"] = a.City, ["Country"] = "FR", ["BPCode"] = code })
            : new JsonArray(),
    };

    /// <summary>A document of the Document shape; one in a currency other than EUR has its totals in that currency (<c>DocTotalFc</c>, <c>PaidToDateFC</c>) and, at <paramref name="rate"/>, in EUR.</summary>
    public static JsonObject Document(int entry, int number, string card, decimal total, decimal paid, string currency = "EUR", decimal rate = 1, string status = "bost_Open", string cancelled = "tNO", string date = "2024-06-01", string due = "2024-07-01", string updated = "2024-06-01")
    {
        var foreign = currency != "EUR";
        return new JsonObject
        {
            ["DocEntry"] = entry, ["DocNum"] = number, ["DocType"] = "dDocument_Items", ["DocDate"] = date, ["DocDueDate"] = due, ["CardCode"] = card, ["NumAtCard"] = "",
            ["DocCurrency"] = currency, ["DocRate"] = rate,
            ["DocTotal"] = foreign ? Math.Round(total * rate, 2) : total, ["DocTotalFc"] = foreign ? total : 0.0m,
            ["PaidToDate"] = foreign ? Math.Round(paid * rate, 2) : paid, ["PaidToDateFC"] = foreign ? paid : 0.0m,
            ["DocumentStatus"] = status, ["Cancelled"] = cancelled, ["UpdateDate"] = updated,
        };
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static async Task WriteAsync(HttpContext context, JsonNode body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;odata=minimalmetadata;charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static JsonObject Error(object code, string message) => new() { ["error"] = new JsonObject { ["code"] = JsonValue.Create(code), ["message"] = new JsonObject { ["lang"] = "en-us", ["value"] = message } } };

    private async Task LoginAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        string? Given(string name) => body.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        if (Given("CompanyDB") != Company || Given("UserName") != User || Given("Password") != Password)
        {
            await WriteAsync(context, Error(100000027, "Login failed"), 401);
            return;
        }

        Interlocked.Increment(ref logins);
        var session = Guid.NewGuid().ToString();
        sessions[session] = true;
        context.Response.Headers.Append("Set-Cookie", $"B1SESSION={session};HttpOnly;");
        context.Response.Headers.Append("Set-Cookie", "ROUTEID=.node1; path=/b1s");
        await WriteAsync(context, new JsonObject { ["odata.metadata"] = $"{BaseUrl}/$metadata#B1Sessions/@Element", ["SessionId"] = session, ["Version"] = "1000230", ["SessionTimeout"] = 30 });
    }

    private Task Authorized(HttpContext context, Func<HttpContext, Task> answer) =>
        context.Request.Cookies.TryGetValue("B1SESSION", out var session) && sessions.ContainsKey(session) && context.Request.Cookies.ContainsKey("ROUTEID")
            ? answer(context)
            : WriteAsync(context, Error(301, "Invalid session or session already timeout."), 401);

    private async Task CollectionAsync(HttpContext context, string entity, List<JsonObject> records)
    {
        Cookies.Enqueue(context.Request.Headers.Cookie.ToString());
        await Task.Delay(Delay, context.RequestAborted);
        var query = context.Request.Query;
        var size = context.Request.Headers["Prefer"].ToString() is { Length: > 0 } prefer && prefer.StartsWith("odata.maxpagesize=", StringComparison.Ordinal)
            ? int.Parse(prefer["odata.maxpagesize=".Length..], CultureInfo.InvariantCulture)
            : 20;
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
            await WriteAsync(context, Error(-1000, e.Message), 400);
            return;
        }

        var skip = int.TryParse(query["$skip"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var page = new JsonArray([.. matching.Skip(skip).Take(size).Select(r => ODataQuery.Select(r, query["$select"]))]);
        var answer = new JsonObject { ["odata.metadata"] = $"{BaseUrl}/$metadata#{entity}", ["value"] = page };
        if (skip + size < matching.Count)
        {
            var kept = string.Join("&", query.Where(q => q.Key != "$skip").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
            answer["odata.nextLink"] = $"{entity}?{kept}&$skip={skip + size}";
        }

        await WriteAsync(context, answer);
    }
}
