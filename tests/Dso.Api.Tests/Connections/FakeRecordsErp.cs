using System.Globalization;
using System.Text.Json;
using Dso.Connectors.Testing;
using Microsoft.AspNetCore.Http;

namespace Dso.Api.Tests.Connections;

/// <summary>
/// The ERP the tests' <c>test-http</c> plug-in reads: <paramref name="clients"/> clients, <paramref name="pieces"/>
/// open invoices spread over them, served in pages after a cursor (the index of the next record), each page after
/// <paramref name="delay"/>; a wrong token is a 401. <see cref="OpenTotal"/> is what the ledger holds open. A test may
/// change <see cref="Pieces"/> (invoices paid off the end of the list) and <see cref="Delay"/> between reads.
/// </summary>
public sealed class FakeRecordsErp(FakeErpServer server, int clients, int pieces, TimeSpan delay) : IAsyncDisposable
{
    public const string Token = "erp-token-0123456789";

    public FakeErpServer Server { get; } = server;

    public int Pieces { get; set; } = pieces;

    public TimeSpan Delay { get; set; } = delay;

    /// <summary>The number of a piece served with an amount that does not parse, if any.</summary>
    public int? Malformed { get; set; }

    public decimal OpenTotal => Enumerable.Range(0, Pieces).Where(i => i != Malformed).Sum(Amount);

    public static async Task<FakeRecordsErp> StartAsync(int clients, int pieces, TimeSpan delay = default)
    {
        var erp = new FakeRecordsErp(await FakeErpServer.StartAsync(), clients, pieces, delay);
        erp.Server.Map("/ping", context => Authorized(context) ? Task.CompletedTask : Refuse(context));
        erp.Server.Map("/records", erp.PageAsync);
        return erp;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static decimal Amount(int i) => 100m + (i % 97) + (i % 7) * 0.13m;

    private static Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = 401;
        return Task.CompletedTask;
    }

    private static bool Authorized(HttpContext context) => context.Request.Headers.Authorization == $"Bearer {Token}";

    private async Task PageAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            await Refuse(context);
            return;
        }

        await Task.Delay(Delay, context.RequestAborted);
        var from = int.TryParse(context.Request.Query["after"], CultureInfo.InvariantCulture, out var after) ? after : 0;
        var limit = int.Parse(context.Request.Query["limit"]!, CultureInfo.InvariantCulture);
        // The clients first, then the pieces, as one list of records.
        var records = Enumerable.Range(from, Math.Max(0, Math.Min(limit, clients + Pieces - from))).ToList();
        var page = new
        {
            clients = records.Where(i => i < clients).Select(i => new { code = $"C{i:D5}", name = $"Client {i} SAS" }),
            pieces = records.Where(i => i >= clients).Select(i => i - clients).Select(i => new
            {
                type = "Invoice", number = $"F{i:D7}", clientCode = $"C{i % clients:D5}", issueDate = "2025-05-01", dueDate = "2025-06-15",
                amount = i == Malformed ? "12,3x" : Amount(i).ToString(CultureInfo.InvariantCulture), openAmount = Amount(i).ToString(CultureInfo.InvariantCulture), currency = "EUR",
            }),
            next = from + records.Count < clients + Pieces ? (from + records.Count).ToString(CultureInfo.InvariantCulture) : null,
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(page), context.RequestAborted);
    }
}
