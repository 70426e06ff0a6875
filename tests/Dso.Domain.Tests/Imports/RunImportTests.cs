using System.Globalization;
using System.Text.Json;
using Dso.Domain.Imports;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Tests.Imports;

public class RunImportTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [Fact]
    public async Task TheSage100Sample_GivesExactlyTheExpectedTotals()
    {
        await using var db = await TestDatabase.CreateAsync(AsOf);
        var expected = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.TestData("sage100-export-sample.expected.json"))).RootElement;

        var job = await db.ImportFileAsync(Imports.SageSample);

        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((300, 300, 40, 300), (job.RowsRead, job.RowsImported, job.ClientsUpserted, job.PiecesUpserted));
        var pieces = await db.QueryAsync(c => c.Pieces.AsNoTracking().ToListAsync());
        var codes = await db.QueryAsync(c => c.Clients.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Code));
        Assert.Equal(expected.GetProperty("clients").GetInt32(), codes.Count);
        Assert.Equal(expected.GetProperty("pieces").GetInt32(), pieces.Count);
        foreach (var type in expected.GetProperty("byType").EnumerateObject())
        {
            Assert.Equal(type.Value.GetInt32(), pieces.Count(p => ApiName(p.Type) == type.Name));
        }

        Assert.Equal(Amount(expected, "outstanding"), pieces.Sum(p => p.OpenAmount));
        var debits = pieces.Where(p => p.Type.Sign() == PieceSign.Debit && p.OpenAmount > 0).ToList();
        Assert.Equal(Amount(expected, "overdue"), debits.Where(p => p.DaysOverdue(AsOf) > 0).Sum(p => p.OpenAmount));
        var buckets = expected.GetProperty("buckets");
        Assert.Equal(Amount(buckets, "notDue"), debits.Where(p => p.DaysOverdue(AsOf) == 0).Sum(p => p.OpenAmount));
        Assert.Equal(Amount(buckets, "1-30"), debits.Where(p => p.DaysOverdue(AsOf) is >= 1 and <= 30).Sum(p => p.OpenAmount));
        Assert.Equal(Amount(buckets, "31-60"), debits.Where(p => p.DaysOverdue(AsOf) is >= 31 and <= 60).Sum(p => p.OpenAmount));
        Assert.Equal(Amount(buckets, "61-90"), debits.Where(p => p.DaysOverdue(AsOf) is >= 61 and <= 90).Sum(p => p.OpenAmount));
        Assert.Equal(Amount(buckets, "90+"), debits.Where(p => p.DaysOverdue(AsOf) > 90).Sum(p => p.OpenAmount));
        foreach (var client in expected.GetProperty("perClientOutstanding").EnumerateObject())
        {
            Assert.Equal(decimal.Parse(client.Value.GetString()!, CultureInfo.InvariantCulture), pieces.Where(p => codes[p.ClientId] == client.Name).Sum(p => p.OpenAmount));
        }
    }

    [Fact]
    public async Task ReimportingTheSameFile_ChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(AsOf);
        await db.ImportFileAsync(Imports.SageSample);
        var before = await Snapshot(db);

        db.Clock.Advance(TimeSpan.FromHours(2));
        var again = await db.ImportFileAsync(Imports.SageSample);

        Assert.Equal((ImportJobState.Succeeded, 0, 0, 0), (again.State, again.ClientsUpserted, again.PiecesUpserted, again.PiecesClosed));
        Assert.Equal(before, await Snapshot(db));
    }

    [Fact]
    public async Task AFullFileMissingTenPieces_SettlesExactlyThoseTen_OnTheImportDate()
    {
        await using var db = await TestDatabase.CreateAsync(AsOf);
        await db.ImportFileAsync(Imports.SageSample);
        var lines = Imports.SampleLines();
        var dropped = lines.Skip(1).Take(10).Select(l => l.Split(';')[2]).ToHashSet();

        var job = await db.ImportLinesAsync(lines.Where(l => !dropped.Contains(l.Split(';')[2])));

        Assert.Equal(10, job.PiecesClosed);
        var settled = await db.QueryAsync(c => c.Pieces.AsNoTracking().Where(p => p.OpenAmount == 0).ToListAsync());
        Assert.Equal(dropped.Order(), settled.Select(p => p.Number).Order());
        Assert.All(settled, p => Assert.Equal(AsOf, p.SettledOn));
    }

    [Fact]
    public async Task ADeltaFile_SettlesOnlyWhatItListsAsPaid()
    {
        await using var db = await TestDatabase.CreateAsync(AsOf);
        await db.ImportFileAsync(Imports.SageSample);
        var lines = Imports.SampleLines();
        var paid = lines[1].Split(';');
        paid[7] = "0,00";

        var job = await db.ImportLinesAsync([lines[0], string.Join(';', paid)], ImportMode.Delta);

        Assert.Equal((ImportJobState.Succeeded, 0, 1), (job.State, job.PiecesClosed, job.PiecesUpserted));
        Assert.Equal([paid[2]], await db.QueryAsync(c => c.Pieces.Where(p => p.OpenAmount == 0).Select(p => p.Number).ToListAsync()));
    }

    private static Task<string> Snapshot(TestDatabase db) => db.QueryAsync(async c =>
        string.Join('|', await c.Pieces.OrderBy(p => p.Id).Select(p => $"{p.Number}:{p.OpenAmount}:{p.UpdatedAt.UtcTicks}").ToListAsync()) +
        string.Join('|', await c.Clients.OrderBy(x => x.Id).Select(x => $"{x.Code}:{x.UpdatedAt.UtcTicks}").ToListAsync()) +
        await c.BalanceEvents.CountAsync());

    private static decimal Amount(JsonElement element, string name) => decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static string ApiName(PieceType type) => string.Concat(type.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
