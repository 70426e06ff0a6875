using Dso.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dso.Domain.Tests.Imports;

public class XlsxImportTests
{
    [Fact]
    public async Task AnXlsxExport_WithTypedNumberAndDateCells_ImportsWithTheSameMapping()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        var rows = new[]
        {
            Row("C1", "Alpha SAS", "FA1", "Facture", new DateTime(2025, 5, 1), new DateTime(2025, 5, 31), 1234.56, 1234.56),
            Row("C1", "Alpha SAS", "AV1", "Avoir", new DateTime(2025, 5, 3), new DateTime(2025, 5, 3), 200.10, 200.10),
            Row("C2", "Beta SARL", "FA2", "Facture", new DateTime(2025, 6, 1), new DateTime(2025, 7, 1), 99.9, 49.95),
        };
        using var file = new MemoryStream();
        await file.SaveAsAsync(rows);

        var job = await db.ImportBytesAsync(file.ToArray(), "export.xlsx");

        Assert.Equal((ImportJobState.Succeeded, 3), (job.State, job.RowsImported));
        var pieces = await db.QueryAsync(c => c.Pieces.AsNoTracking().OrderBy(p => p.Number).ToListAsync());
        Assert.Equal(
            [("AV1", -200.10m, -200.10m, new DateOnly(2025, 5, 3)), ("FA1", 1234.56m, 1234.56m, new DateOnly(2025, 5, 31)), ("FA2", 99.9m, 49.95m, new DateOnly(2025, 7, 1))],
            pieces.Select(p => (p.Number, p.Amount, p.OpenAmount, p.DueDate)));
    }

    private static Dictionary<string, object> Row(string code, string name, string number, string type, DateTime issued, DateTime due, double amount, double open) => new()
    {
        ["Code client"] = code, ["Raison sociale"] = name, ["N° pièce"] = number, ["Type"] = type, ["Date pièce"] = issued,
        ["Date échéance"] = due, ["Montant TTC"] = amount, ["Reste dû"] = open, ["Devise"] = "EUR", ["SIREN"] = "", ["Email relance"] = "",
    };
}
