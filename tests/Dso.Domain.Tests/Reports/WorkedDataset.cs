using Dso.Domain.Clients;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Reports;

/// <summary>The worked dataset of domain-rules §5 (D = 2025-06-30), loaded through the real use cases with its payment history.</summary>
public static class WorkedDataset
{
    public static async Task<TestDatabase> CreateAsync()
    {
        var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"), new ClientInput("BETA", "Beta SARL"), new ClientInput("GAMMA", "Gamma SA"));
        await db.UpsertPiecesAsync(
            Invoice("F-0301", "GAMMA", "2025-03-01", "2025-03-31", 12_000m, balanceDate: "2025-03-01"),
            Invoice("F-0401", "ALPHA", "2025-04-02", "2025-05-02", 70_000m, balanceDate: "2025-04-02"),
            Invoice("F-0402", "BETA", "2025-04-10", "2025-05-10", 30_000m, balanceDate: "2025-04-10"),
            Invoice("F-0403", "GAMMA", "2025-04-15", "2025-04-15", 20_000m, balanceDate: "2025-04-15"),
            Invoice("F-0501", "ALPHA", "2025-05-10", "2025-07-10", 40_000m, balanceDate: "2025-05-10"),
            Invoice("F-0502", "BETA", "2025-05-20", "2025-06-10", 30_000m, balanceDate: "2025-05-20"),
            Invoice("F-0503", "GAMMA", "2025-05-25", "2025-06-24", 20_000m, balanceDate: "2025-05-25"),
            Invoice("F-0601", "ALPHA", "2025-06-05", "2025-07-05", 60_000m, balanceDate: "2025-06-05"),
            Invoice("F-0602", "BETA", "2025-06-15", "2025-07-15", 40_000m, balanceDate: "2025-06-15"));
        await db.UpsertPiecesAsync(
            Invoice("F-0401", "ALPHA", "2025-04-02", "2025-05-02", 70_000m, open: 0m, balanceDate: "2025-05-20"),
            Invoice("F-0403", "GAMMA", "2025-04-15", "2025-04-15", 20_000m, open: 18_000m, balanceDate: "2025-05-05"));
        await QualifyAsync(db, "F-0402", "Litige prix");
        await QualifyAsync(db, "F-0403", "Relance en cours");
        await QualifyAsync(db, "F-0502", "Promesse de règlement", new DateOnly(2025, 7, 5), 30_000m);
        return db;
    }

    public static async Task QualifyAsync(TestDatabase db, string number, string status, DateOnly? promiseDate = null, decimal? promisedAmount = null, string comment = "Qualifié pour l'exemple")
    {
        var (piece, statusId, user) = await db.QueryAsync(async c => (
            await c.Pieces.Where(p => p.Number == number).Select(p => p.Id).SingleAsync(),
            await c.Statuses.Where(s => s.Name == status).Select(s => s.Id).SingleAsync(),
            await c.Users.Select(u => u.Id).FirstAsync()));
        var outcome = await db.RunAsync(sp => sp.GetRequiredService<QualifyPieces>().ExecuteAsync(
            new QualifyPiecesRequest([piece], statusId, comment, promiseDate, promisedAmount), user, default));
        Assert.True(outcome.Succeeded);
    }
}
