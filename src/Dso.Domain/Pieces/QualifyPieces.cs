using System.Globalization;
using Dso.Domain.Actions;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Pieces;

/// <summary>
/// Sets a status and comment on pieces and records it in their history (domain-rules §3). A promise,
/// dispute or litigation takes them out of the scenario and creates one FOLLOW_UP action, due on the
/// follow-up date, else the promise date, else today plus the status's follow-up days.
/// </summary>
public sealed class QualifyPieces(DsoDbContext db, TimeProvider clock)
{
    public const int MaxPieces = 500;

    // A qualification and a concurrent upsert of the same pieces: the one that read stale versions runs again.
    // The user is null for the customer page; the follow-up goes to the assignee given, else to the user.
    public Task<Outcome<QualifiedPieces>> ExecuteAsync(QualifyPiecesRequest request, long? userId, CancellationToken cancellationToken, long? assigneeId = null) =>
        db.WriteAsync(() => QualifyAsync(request, userId, assigneeId ?? userId, cancellationToken), cancellationToken);

    private async Task<Outcome<QualifiedPieces>> QualifyAsync(QualifyPiecesRequest request, long? userId, long? assigneeId, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleAsync(cancellationToken);
        var today = organization.Today(clock);
        var errors = new List<UserError>();
        var status = request.StatusId is { } statusId ? await db.Statuses.FirstOrDefaultAsync(s => s.Id == statusId, cancellationToken) : null;
        if (status is null || status.Archived)
        {
            errors.Add(UserError.NotFound(status is null ? "No such status." : $"The status '{status.Name}' is archived.", "statusId"));
        }

        var ids = request.PieceIds.Where(id => id is not null).Select(id => id!.Value).Distinct().ToList();
        var pieces = await db.Pieces.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        if (request.PieceIds.Count is 0 or > MaxPieces)
        {
            errors.Add(new UserError(["pieceIds"], $"Qualify 1 to {MaxPieces} pieces at a time.", request.PieceIds.Count == 0 ? UserErrorCode.Invalid : UserErrorCode.LimitExceeded));
        }

        for (var i = 0; i < request.PieceIds.Count; i++)
        {
            var path = i.ToString(CultureInfo.InvariantCulture);
            if (request.PieceIds[i] is not { } id || !pieces.TryGetValue(id, out var piece))
            {
                errors.Add(UserError.NotFound("No such piece.", "pieceIds", path));
            }
            else if (!piece.IsOpen)
            {
                errors.Add(UserError.Invalid($"{piece.Number} is settled; only open pieces are qualified.", "pieceIds", path));
            }
        }

        errors.AddRange(Check(request, status, pieces.Values, organization, today));
        if (errors.Count > 0)
        {
            return Outcomes.Failure<QualifiedPieces>(errors);
        }

        var now = clock.GetUtcNow();
        var comment = request.Comment.Trim();
        var promise = status!.Category == StatusCategory.PaymentPromise;
        var qualified = request.PieceIds.Select(id => pieces[id!.Value]).Distinct().ToList();
        foreach (var piece in qualified)
        {
            piece.Qualify(status.Id, comment, promise ? request.PromiseDate : null, promise ? request.PromisedAmount : null, now);
            db.StatusChanges.Add(new StatusChange(organization.Id, piece.Id, now, userId, status.Id, comment,
                promise ? request.PromiseDate : null, promise ? request.PromisedAmount : null));
        }

        // The new status governs: earlier follow-ups of these pieces are superseded (a resolved dispute goes back
        // into the scenario; a new promise gets its own follow-up), emptied ones cancelled.
        var requalified = qualified.Select(p => p.Id).ToList();
        foreach (var earlier in await db.Actions.Include(a => a.Pieces)
                     .Where(a => a.Kind == ActionKind.FollowUp && a.State == ActionState.Planned && a.Pieces.Any(p => requalified.Contains(p.PieceId)))
                     .ToListAsync(cancellationToken))
        {
            earlier.Pieces.RemoveAll(p => requalified.Contains(p.PieceId));
            if (earlier.Pieces.Count == 0)
            {
                earlier.Cancel();
            }
        }

        CollectionAction? followUp = null;
        if (status.Category.LeavesScenario())
        {
            var due = request.FollowUpDate ?? (promise ? request.PromiseDate : null) ?? today.AddDays(status.FollowUpDays);
            followUp = CollectionAction.FollowUp(organization.Id, qualified[0].ClientId, qualified.Select(p => p.Id), due, assigneeId, $"{status.Name}: {comment}", now);
            db.Actions.Add(followUp);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(new QualifiedPieces(qualified, followUp));
    }

    private static IEnumerable<UserError> Check(QualifyPiecesRequest request, Status? status, IEnumerable<Piece> pieces, Organization organization, DateOnly today)
    {
        if (request.Comment.Length > 2000)
        {
            yield return UserError.Invalid("comment has at most 2000 characters.", "comment");
        }

        if (organization.Settings.QualificationNeedsComment && string.IsNullOrWhiteSpace(request.Comment))
        {
            yield return UserError.Invalid("A comment is required to qualify pieces.", "comment");
        }

        if (status?.Category == StatusCategory.PaymentPromise)
        {
            if (request.PromiseDate is not { } date)
            {
                yield return UserError.Invalid("A payment promise needs its promiseDate.", "promiseDate");
            }
            else if (date < today)
            {
                yield return UserError.Invalid($"promiseDate {date:yyyy-MM-dd} is in the past.", "promiseDate");
            }

            var open = pieces.Sum(p => p.OpenAmount);
            if (request.PromisedAmount is { } amount && (amount <= 0 || amount > open))
            {
                yield return UserError.Invalid($"promisedAmount must be more than 0 and at most the open amount ({open}).", "promisedAmount");
            }
        }

        if (request.FollowUpDate is { } followUp && followUp < today)
        {
            yield return UserError.Invalid($"followUpDate {followUp:yyyy-MM-dd} is in the past.", "followUpDate");
        }

        if (status?.Category.LeavesScenario() == true && pieces.Select(p => p.ClientId).Distinct().Count() > 1)
        {
            yield return UserError.Invalid("A follow-up is about one client: qualify the pieces of each client separately.", "pieceIds");
        }
    }
}
