using Dso.Domain.Actions;
using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Pieces;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Pieces;

public class QualifyPiecesTests
{
    [Fact]
    public async Task ADispute_TakesThePieceOutWithAFollowUpAfterTheStatusDelay_AsInTheWorkedExample()
    {
        // domain-rules §4: on 2025-06-26 F1 is qualified "Litige prix": a FOLLOW_UP is due 07-03.
        await using var db = await Alpha(new DateOnly(2025, 6, 26));
        var (f1, status, user) = await Ids(db, "F1", "Litige prix");

        var result = await Qualify(db, new QualifyPiecesRequest([f1], status, "Prix contesté sur la ligne 3"), user);

        var action = Assert.IsType<CollectionAction>(result.Value!.FollowUp);
        Assert.Equal((ActionKind.FollowUp, new DateOnly(2025, 7, 3), ActionState.Planned), (action.Kind, action.DueDate, action.State));
        var piece = await db.QueryAsync(c => c.Pieces.AsNoTracking().SingleAsync(p => p.Id == f1));
        Assert.Equal((status, "Prix contesté sur la ligne 3"), (piece.StatusId, piece.StatusComment));
        var history = await db.QueryAsync(c => c.StatusChanges.AsNoTracking().SingleAsync());
        Assert.Equal((f1, (long?)user, (long?)status), (history.PieceId, history.UserId, history.StatusId));
        Assert.Equal([f1], await db.QueryAsync(c => c.Set<ActionPiece>().Select(p => p.PieceId).ToListAsync()));
    }

    [Fact]
    public async Task APromise_IsDueOnItsDate_AndAGivenFollowUpDateWins()
    {
        await using var db = await Alpha(new DateOnly(2025, 6, 10));
        var (f1, promise, user) = await Ids(db, "F1", "Promesse de règlement");
        var (f2, _, _) = await Ids(db, "F2", "Promesse de règlement");

        var onPromise = await Qualify(db, new QualifyPiecesRequest([f1], promise, "Paiement annoncé", new DateOnly(2025, 7, 5), 600m), user);
        var given = await Qualify(db, new QualifyPiecesRequest([f2], promise, "", new DateOnly(2025, 7, 5), null, new DateOnly(2025, 6, 20)), user);

        Assert.Equal(new DateOnly(2025, 7, 5), onPromise.Value!.FollowUp!.DueDate);
        Assert.Equal(new DateOnly(2025, 6, 20), given.Value!.FollowUp!.DueDate);
        var piece = await db.QueryAsync(c => c.Pieces.AsNoTracking().SingleAsync(p => p.Id == f1));
        Assert.Equal((new DateOnly(2025, 7, 5), 600m), (piece.PromiseDate, piece.PromisedAmount));
    }

    [Theory]
    [InlineData("Relance en cours")]
    [InlineData("Litige résolu")]
    public async Task InProgressAndDisputeResolved_LeaveThePiecesInTheScenario_WithoutAFollowUp(string status)
    {
        await using var db = await Alpha(new DateOnly(2025, 6, 26));
        var (f1, id, user) = await Ids(db, "F1", status);

        var result = await Qualify(db, new QualifyPiecesRequest([f1], id, "Relancé par téléphone"), user);

        Assert.Null(result.Value!.FollowUp);
        Assert.Equal(0, await db.QueryAsync(c => c.Actions.CountAsync()));
    }

    [Fact]
    public async Task BadQualifications_AreUserErrorsByField_AndChangeNothing()
    {
        await using var db = await Alpha(new DateOnly(2025, 6, 26));
        await db.UpsertClientsAsync(new ClientInput("BETA", "Beta SA"));
        await db.UpsertPiecesAsync(Invoice("B1", "BETA", "2025-05-01", "2025-06-01", 100m), Invoice("F3", "ALPHA", "2025-05-01", "2025-06-01", 100m, 0m));
        var (f1, promise, user) = await Ids(db, "F1", "Promesse de règlement");
        var (b1, dispute, _) = await Ids(db, "B1", "Litige prix");
        var (f3, _, _) = await Ids(db, "F3", "Litige prix");

        var noDate = await Qualify(db, new QualifyPiecesRequest([f1], promise, "x", null, 5000m), user);
        var twoClients = await Qualify(db, new QualifyPiecesRequest([f1, b1], dispute, "x"), user);
        var settled = await Qualify(db, new QualifyPiecesRequest([f3, null], dispute, "x"), user);
        var pastFollowUp = await Qualify(db, new QualifyPiecesRequest([f1], dispute, "x", FollowUpDate: new DateOnly(2025, 6, 1)), user);

        Assert.Equal(["promiseDate", "promisedAmount"], noDate.Errors.Select(e => e.Field[0]));
        Assert.Equal(["pieceIds"], twoClients.Errors.Select(e => string.Join('.', e.Field)));
        Assert.Equal([("pieceIds.0", UserErrorCode.Invalid), ("pieceIds.1", UserErrorCode.NotFound)], settled.Errors.Select(e => (string.Join('.', e.Field), e.Code)));
        Assert.Equal(["followUpDate"], pastFollowUp.Errors.Select(e => e.Field[0]));
        Assert.Equal((0, 0), await db.QueryAsync(async c => (await c.StatusChanges.CountAsync(), await c.Pieces.CountAsync(p => p.StatusId != null))));
    }

    private static async Task<TestDatabase> Alpha(DateOnly today)
    {
        var db = await TestDatabase.CreateAsync(today);
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-05-01", "2025-06-01", 1000m), Invoice("F2", "ALPHA", "2025-05-20", "2025-06-20", 500m));
        return db;
    }

    private static Task<(long Piece, long Status, long User)> Ids(TestDatabase db, string piece, string status) => db.QueryAsync(async c => (
        await c.Pieces.Where(p => p.Number == piece).Select(p => p.Id).SingleAsync(),
        await c.Statuses.Where(s => s.Name == status).Select(s => s.Id).SingleAsync(),
        await c.Users.Select(u => u.Id).FirstAsync()));

    private static Task<Outcome<QualifiedPieces>> Qualify(TestDatabase db, QualifyPiecesRequest request, long user) =>
        db.RunAsync(sp => sp.GetRequiredService<QualifyPieces>().ExecuteAsync(request, user, default));
}
