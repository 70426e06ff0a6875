using Dso.Domain.Imports;
using Dso.Domain.Persistence;
using Dso.Domain.Tests.Imports;
using Dso.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dso.Domain.Tests.Work;

public class ClaimImportTests
{
    private static readonly Worker Other = new(Worker.DefaultLeaseDuration);

    [Fact]
    public async Task AClaimedJob_IsNotClaimedByAnotherWorker_WhileItsLeaseRuns_AndIsTakenOverOnceItLapses()
    {
        await using var db = await TestDatabase.CreateAsync();
        var job = await QueueAsync(db);

        var first = await ClaimAsync(db, null);
        var second = await ClaimAsync(db, Other);
        db.Clock.Advance(Worker.DefaultLeaseDuration + TimeSpan.FromSeconds(1));
        var takenOver = await ClaimAsync(db, Other);

        Assert.Equal((job, false), (first!.JobId, first.TakenOver));
        Assert.Null(second);
        Assert.Equal((job, true), (takenOver!.JobId, takenOver.TakenOver));
        var stored = await db.QueryAsync(c => c.Set<ImportJob>().AsNoTracking().SingleAsync());
        Assert.Equal((Other.Name, 1, ImportJobState.Running), (stored.ClaimedBy, stored.Interruptions, stored.State));
    }

    [Fact]
    public async Task AWorkerWhoseJobWasTakenOver_StopsWithoutWriting_AndTheNewHolderImportsIt()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        var job = await QueueAsync(db);
        await ClaimAsync(db, null);
        db.Clock.Advance(Worker.DefaultLeaseDuration + TimeSpan.FromSeconds(1));
        await ClaimAsync(db, Other);

        await Assert.ThrowsAsync<LeaseLostException>(() => db.RunAsync(sp => sp.GetRequiredService<RunImport>().ExecuteAsync(job, null, default)));
        var pieces = await db.QueryAsync(c => c.Pieces.CountAsync());
        var done = await db.RunAsync(sp => new RunImport(sp.GetRequiredService<DsoDbContext>(), Other, sp.GetRequiredService<IOptions<DomainOptions>>(), db.Clock).ExecuteAsync(job, null, default));

        Assert.Equal(0, pieces);
        Assert.Equal(ImportJobState.Succeeded, done.State);
        Assert.Equal(0, await db.QueryAsync(c => c.Set<ImportFileChunk>().CountAsync()));
    }

    [Fact]
    public async Task AJobInterruptedThreeTimes_Fails_AndItsFileIsRemoved()
    {
        await using var db = await TestDatabase.CreateAsync();
        var job = await QueueAsync(db);
        Worker? holder = null;
        for (var i = 0; i <= ClaimImport.MaxInterruptions; i++)
        {
            holder = new Worker(Worker.DefaultLeaseDuration);
            await ClaimAsync(db, holder);
            db.Clock.Advance(Worker.DefaultLeaseDuration + TimeSpan.FromSeconds(1));
        }

        await ClaimAsync(db, Other);
        var failed = await db.RunAsync(sp => new RunImport(sp.GetRequiredService<DsoDbContext>(), Other, sp.GetRequiredService<IOptions<DomainOptions>>(), db.Clock).ExecuteAsync(job, null, default));

        Assert.Equal(ImportJobState.Failed, failed.State);
        Assert.Contains("interrupted 4 times", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.QueryAsync(c => c.Set<ImportFileChunk>().CountAsync()));
    }

    [Fact]
    public async Task AStoppedImport_GoesBackToTheQueue_WithItsFile()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 30));
        var job = await QueueAsync(db);
        await ClaimAsync(db, null);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.RunAsync(sp => sp.GetRequiredService<RunImport>().ExecuteAsync(job, null, stopping.Token)));

        var stored = await db.QueryAsync(c => c.Set<ImportJob>().AsNoTracking().SingleAsync());
        Assert.Equal((ImportJobState.Queued, (string?)null), (stored.State, stored.ClaimedBy));
        Assert.True(await db.QueryAsync(c => c.Set<ImportFileChunk>().AnyAsync()));
        Assert.Equal(job, (await ClaimAsync(db, Other))!.JobId);
    }

    private static Task<long> QueueAsync(TestDatabase db) => db.RunAsync(async sp =>
    {
        await using var content = File.OpenRead(Imports.Imports.SageSample);
        var started = await sp.GetRequiredService<StartImport>().ExecuteAsync(new ImportRequest("export.csv", Imports.Imports.SageMapping, null, ImportMode.Full), content, default);
        return started.Value!.Id;
    });

    private static Task<ClaimedImport?> ClaimAsync(TestDatabase db, Worker? worker) => db.RunAsync(sp =>
        (worker is null ? sp.GetRequiredService<ClaimImport>() : new ClaimImport(sp.GetRequiredService<DsoDbContext>(), worker, db.Clock)).ExecuteAsync(null, default));
}
