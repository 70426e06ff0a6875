using Dso.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Tests.Imports;

/// <summary>Workbooks built to exhaust a reader: each is refused, before the XLSX reader opens it, with the bound it broke.</summary>
public class HostileXlsxTests
{
    public static TheoryData<string, string> Workbooks => HostileWorkbooks.Names;

    [Theory]
    [MemberData(nameof(Workbooks))]
    public async Task AHostileWorkbook_IsRefusedWithTheBoundItBroke_AndChangesNothing(string name, string reason)
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));

        var job = await db.ImportBytesAsync(HostileWorkbooks.Build(name), "export.xlsx");

        Assert.Equal(ImportJobState.Failed, job.State);
        var error = await db.QueryAsync(c => c.Set<ImportRowError>().Where(e => e.ImportJobId == job.Id).Select(e => e.Message).SingleAsync());
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Equal(0, await db.QueryAsync(c => c.Pieces.CountAsync()));
    }

}
