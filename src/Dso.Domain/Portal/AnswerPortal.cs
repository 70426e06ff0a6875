using System.Globalization;
using Dso.Domain.Actions;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Dso.Domain.Scenarios;
using Dso.Domain.Statuses;
using Dso.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Portal;

/// <summary>What the customer page's forms can say.</summary>
public enum PortalAnswerKind
{
    /// <summary>The customer promises to pay the pieces on a date (an amount optional).</summary>
    Promise,

    /// <summary>The customer disputes the pieces, with a reason.</summary>
    Dispute,

    /// <summary>The customer asks for a copy of the invoices.</summary>
    Copy,

    /// <summary>A colleague's answer about a dispute, recorded on its pieces.</summary>
    Help,
}

/// <summary>A form as posted; <see cref="Submission"/> is the key of the form shown (a second post of it records nothing).</summary>
public sealed record PortalAnswerRequest(string Key, string Submission, PortalAnswerKind Kind, IReadOnlyList<string> PieceIds, string? PromiseDate, string? Amount, string? Reason, string? Comment);

/// <summary>What the answer page confirms: the kind of answer, the pieces it was about and a promise's date (none when the form had been sent before).</summary>
public sealed record PortalReceipt(PortalAnswerKind Kind, IReadOnlyList<string> Numbers, DateOnly? PromiseDate, bool AlreadyRecorded);

/// <summary>
/// Records an answer from the customer page (domain-rules: the customer page): a promise qualifies the chosen pieces
/// with the organization's first payment-promise status, a dispute with its first dispute status (which raises
/// NEW_DISPUTE), a copy request and a colleague's answer become a task for the client's collector; every answer is
/// a task on the collector's agenda today, and the comment names the customer page. Answers are idempotent.
/// </summary>
public sealed class AnswerPortal(DsoDbContext db, QualifyPieces qualify, TimeProvider clock)
{
    public const string Source = "Customer page";

    /// <summary>The answer's confirmation, or the errors naming the form's fields (null when the link does not work).</summary>
    public async Task<Outcome<PortalReceipt>?> ExecuteAsync(PortalAnswerRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var link = await db.PortalLinks.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.Key == request.Key, cancellationToken);
        if (link is null || !link.WorksAt(now))
        {
            return null;
        }

        db.Tenant.Enter(link.OrganizationId);
        return await db.WriteAsync(() => AnswerAsync(link, request, cancellationToken), cancellationToken);
    }

    // In one transaction: a form posted twice at once records once (the second waits, then finds the first's answer).
    private async Task<Outcome<PortalReceipt>> AnswerAsync(PortalLink link, PortalAnswerRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await db.PortalAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.LinkId == link.Id && a.Submission == request.Submission, cancellationToken) is { } earlier)
        {
            return Outcomes.Success(new PortalReceipt(Enum.Parse<PortalAnswerKind>(earlier.Kind), [], null, AlreadyRecorded: true));
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
        var today = organization.Today(clock);
        var errors = new List<UserError>();
        var allowed = link.Purpose == PortalPurpose.Colleague ? [PortalAnswerKind.Help] : new[] { PortalAnswerKind.Promise, PortalAnswerKind.Dispute, PortalAnswerKind.Copy };
        if (!allowed.Contains(request.Kind) || request.Submission.Length is 0 or > 64)
        {
            return Outcomes.Failure<PortalReceipt>(UserError.Invalid("This form cannot be sent from this page.", "action"));
        }

        var pieces = await PiecesAsync(link, request.PieceIds, errors, cancellationToken);
        var comment = request.Comment?.Trim() ?? "";
        if (comment.Length > 1000)
        {
            errors.Add(UserError.Invalid("The comment has at most 1000 characters.", "comment"));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<PortalReceipt>(errors);
        }

        var numbers = string.Join(", ", pieces.Select(p => p.Number));
        var collector = await db.ClientAssignments.Where(a => a.ClientId == link.ClientId)
            .Join(db.Users.Where(u => (u.Roles & Role.Collector) != 0 && !u.Archived), a => a.UserId, u => u.Id, (a, u) => (long?)u.Id).FirstOrDefaultAsync(cancellationToken);
        string summary;
        DateOnly? promised = null;
        switch (request.Kind)
        {
            case PortalAnswerKind.Promise or PortalAnswerKind.Dispute:
            {
                var (qualification, what) = request.Kind == PortalAnswerKind.Promise ? await PromiseAsync(request, pieces, today, errors, cancellationToken) : await DisputeAsync(request, pieces, comment, errors, cancellationToken);
                if (qualification is null)
                {
                    return Outcomes.Failure<PortalReceipt>(errors);
                }

                var qualified = await qualify.ExecuteAsync(qualification, null, cancellationToken, collector);
                if (!qualified.Succeeded)
                {
                    return Outcomes.Failure<PortalReceipt>([.. qualified.Errors.Select(e => e with { Field = [FormField(e.Field)] })]);
                }

                summary = $"{what} ({numbers})";
                promised = qualification.PromiseDate;
                break;
            }

            case PortalAnswerKind.Copy:
                summary = $"Copy requested of {numbers}";
                break;
            default:
                if (comment.Length == 0)
                {
                    return Outcomes.Failure<PortalReceipt>(UserError.Invalid("Write your answer.", "comment"));
                }

                foreach (var piece in pieces)
                {
                    db.StatusChanges.Add(new StatusChange(organization.Id, piece.Id, now, link.UserId, piece.StatusId, $"{Source}, answer of a colleague: {comment}", piece.PromiseDate, piece.PromisedAmount));
                }

                summary = $"Answer recorded on {numbers}";
                break;
        }

        var note = $"{Source}: {summary}{(comment.Length == 0 ? "" : request.Kind == PortalAnswerKind.Help ? $": {comment}" : $". Comment: {comment}")}";
        db.Actions.Add(CollectionAction.Specific(organization.Id, link.ClientId, pieces.Select(p => p.Id), Channel.Task, today, collector, note, now));
        db.PortalAnswers.Add(new PortalAnswer(organization.Id, link.Id, request.Submission, request.Kind.ToString(), summary, now));
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(new PortalReceipt(request.Kind, [.. pieces.Select(p => p.Number)], promised, AlreadyRecorded: false));
    }

    private async Task<List<Piece>> PiecesAsync(PortalLink link, IReadOnlyList<string> given, List<UserError> errors, CancellationToken cancellationToken)
    {
        var ids = given.Select(g => long.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Distinct().ToList();
        var open = db.Pieces.Where(p => p.ClientId == link.ClientId && p.OpenAmount != 0 && ids.Contains(p.Id));
        var pieces = await (link.Purpose == PortalPurpose.Colleague ? open.Where(p => link.PieceIds.Contains(p.Id)) : open).OrderBy(p => p.DueDate).ThenBy(p => p.Number).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            errors.Add(UserError.Invalid("Choose at least one invoice.", "pieceIds"));
        }
        else if (pieces.Count != ids.Count)
        {
            // Another client's piece, a settled one or a forged value: named as one, so as to reveal nothing.
            errors.Add(UserError.Invalid("Some of the chosen invoices are not open invoices of this account; reload the page.", "pieceIds"));
        }

        return pieces;
    }

    private async Task<(QualifyPiecesRequest?, string)> PromiseAsync(PortalAnswerRequest request, List<Piece> pieces, DateOnly today, List<UserError> errors, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(request.PromiseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(UserError.Invalid("Give the date of the payment (YYYY-MM-DD).", "promiseDate"));
        }
        else if (date < today)
        {
            errors.Add(UserError.Invalid("The date of the payment is in the past.", "promiseDate"));
        }

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(request.Amount))
        {
            if (decimal.TryParse(request.Amount.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                amount = value;
            }
            else
            {
                errors.Add(UserError.Invalid("The amount is a positive number, such as 1250.50.", "amount"));
            }
        }

        var status = await db.Statuses.Where(s => s.Category == StatusCategory.PaymentPromise && !s.Archived).OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            errors.Add(UserError.Invalid("Promises cannot be recorded here; please answer the e-mail.", "action"));
        }

        var what = amount is null ? $"Payment promised on {date:yyyy-MM-dd}" : $"Payment of {amount.Value.ToString(CultureInfo.InvariantCulture)} {pieces.FirstOrDefault()?.Currency} promised on {date:yyyy-MM-dd}";
        return errors.Count > 0 ? (null, "") : (new QualifyPiecesRequest([.. pieces.Select(p => (long?)p.Id)], status!.Id, $"{Source}: {what}.", date, amount), what);
    }

    private async Task<(QualifyPiecesRequest?, string)> DisputeAsync(PortalAnswerRequest request, List<Piece> pieces, string comment, List<UserError> errors, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 200)
        {
            errors.Add(UserError.Invalid("Say why the invoices are disputed.", "reason"));
        }

        var status = await db.Statuses.Where(s => s.Category == StatusCategory.Dispute && !s.Archived).OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (status is null)
        {
            errors.Add(UserError.Invalid("Disputes cannot be recorded here; please answer the e-mail.", "action"));
        }

        var what = $"Disputed: {reason}";
        return errors.Count > 0 ? (null, "") : (new QualifyPiecesRequest([.. pieces.Select(p => (long?)p.Id)], status!.Id, $"{Source}: {what}{(comment.Length > 0 ? $". {comment}" : "")}"), what);
    }

    // A qualification's error named by the form field it is about.
    private static string FormField(IReadOnlyList<string> field) => field.Count > 0 && field[0] is "promisedAmount" ? "amount" : field.Count > 0 && field[0] is "pieceIds" ? "pieceIds" : (field.Count > 0 ? field[0] : "action");
}
