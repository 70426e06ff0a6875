using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Common;

public class FormulaTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Payer\")", true)]
    [InlineData("\t=1+1", true)]
    [InlineData("\r=1+1", true)]
    [InlineData("+33 1 23", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("-2+3+cmd|' /C calc'!A0", true)]
    [InlineData("-1 234,56", false)]
    [InlineData("-12.5", false)]
    [InlineData("Boulangerie Martin SAS", false)]
    public void TextThatASpreadsheetWouldRun_IsRecognised_AndNumbersAreNot(string text, bool formula) =>
        Assert.Equal(formula, FormulaText.LooksLikeFormula(text));

    [Fact]
    public async Task TheApi_RefusesFormulaText_NamingTheField_AndStoresNothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var hyperlink = await db.UpsertClientsAsync(new ClientInput("C1", "=HYPERLINK(\"http://evil.example\")"));
        var tabbed = await db.UpsertClientsAsync(new ClientInput("\t=1+1", "Alpha SAS"));
        await db.UpsertClientsAsync(new ClientInput("C2", "Beta SARL"));
        var piece = await db.UpsertPiecesAsync(Invoice("+1+cmd", "C2", "2025-06-01", "2025-06-30", 10m));

        Assert.Equal(["clients", "0", "name"], Assert.Single(hyperlink.Errors).Field);
        Assert.Equal(["clients", "0", "code"], Assert.Single(tabbed.Errors).Field);
        Assert.Equal(["pieces", "0", "number"], Assert.Single(piece.Errors).Field);
        Assert.Equal(1, await db.QueryAsync(c => c.Clients.CountAsync()));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("-5", "'-5")]
    [InlineData("Alpha", "Alpha")]
    public void Exports_NeutraliseWhatWasStored(string stored, string written) => Assert.Equal(written, ExportReport.Cell(stored));
}
