using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Net;
using MiniExcelLibs;

namespace Dso.Api.Tests.Exports;

[Collection(ApiServerGroup.Name)]
public class ExportReportApiTests(ApiServer server)
{
    private const string Export = """
        mutation($i: ExportReportInput!) { exportReport(input: $i) { export { url expiresAt } userErrors { field code message } } }
        """;

    [Fact]
    public async Task TheAgedBalance_DownloadsAsAWorkbook_WithFormulaLikeTextEscaped()
    {
        var key = await server.CreateOrganizationAsync("Export SAS");
        var viewer = await server.CreateKeyAsync(key, Domain.Users.Role.Viewer);
        var refused = await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"=1+1\", name: \"=HYPERLINK(\\\"http://evil.example\\\")\" }] }) { userErrors { field } } }", key: key);
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"EXP\", name: \"Alpha\" }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"EXP\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"1200.50\", openAmount: \"1200.50\" }] }) { userErrors { message } } }", key: key);
        // Text stored before the API refused formulas: exports still neutralise it.
        using (var scope = server.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>().Clients.IgnoreQueryFilters().Where(c => c.Code == "EXP")
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Code, "=1+1").SetProperty(c => c.Name, "=HYPERLINK(\"http://evil.example\")"));
        }

        var answer = await server.PostAsync(Export, new { i = new { report = "AGED_BALANCE", asOf = "2025-06-30" } }, viewer);
        var url = answer.Data("exportReport", "export", "url")!.GetValue<string>();
        using var response = await server.Http.GetAsync(new Uri(url));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(2, refused.Data("upsertClients", "userErrors")!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("aged-balance-2025-06-30.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var stream = new MemoryStream(bytes);
        var summary = stream.Query(useHeaderRow: true, sheetName: "Aged balance").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(1200.5, Convert.ToDouble(summary.Single(r => (string?)r["Bucket"] == "1-30")["Amount"], System.Globalization.CultureInfo.InvariantCulture));
        stream.Position = 0;
        var client = stream.Query(useHeaderRow: true, sheetName: "Clients").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("'=1+1", "'=HYPERLINK(\"http://evil.example\")"), ((string?)client["Client code"], (string?)client["Client"]));
    }

    [Theory]
    [InlineData("DSO", "DSO")]
    [InlineData("STATUS_REPORT", "Status report")]
    [InlineData("CASH_FORECAST", "Cash forecast")]
    [InlineData("DISPUTES", "Disputes")]
    [InlineData("COLLECTIONS", "Collections")]
    public async Task EveryReport_DownloadsAsAWorkbook(string report, string sheet)
    {
        var key = await server.CreateOrganizationAsync($"Export {report} SAS");
        await server.PostAsync("mutation { upsertClients(input: { clients: [{ code: \"A\", name: \"Alpha\" }] }) { userErrors { message } } }", key: key);
        await server.PostAsync("mutation { upsertPieces(input: { pieces: [{ type: INVOICE, number: \"F1\", clientCode: \"A\", issueDate: \"2025-05-01\", dueDate: \"2025-05-31\", amount: \"100\", openAmount: \"60\", balanceDate: \"2025-06-10\" }] }) { userErrors { message } } }", key: key);

        var answer = await server.PostAsync(Export, new { i = new { report } }, key);
        var url = answer.Data("exportReport", "export", "url")?.GetValue<string>();
        Assert.True(url is not null, $"{report}: {answer.Status} {answer.Body}");
        var bytes = await server.Http.GetByteArrayAsync(new Uri(url));

        using var stream = new MemoryStream(bytes);
        Assert.Contains(sheet, stream.GetSheetNames());
    }

    [Fact]
    public async Task BadArguments_AreUserErrors_AndABrokenLinkIsNotFound()
    {
        var key = await server.CreateOrganizationAsync("Export Errors SAS");

        var answer = await server.PostAsync(Export, new { i = new { report = "DSO", months = 99 } }, key);
        using var forged = await server.Http.GetAsync(new Uri(server.Http.BaseAddress!, "/exports/eyJ4IjoxfQ.c2lnbmF0dXJl"));

        Assert.Equal("[{\"field\":[\"input\",\"months\"],\"code\":\"INVALID\",\"message\":\"months is between 0 and 36.\"}]", answer.UserErrors("exportReport").ToJsonString());
        Assert.Null(answer.Data("exportReport", "export"));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }
}
