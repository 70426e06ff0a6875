using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Reports;

/// <summary>
/// A stretch of days a piece spent in one dispute status. It ends when the piece is qualified out of it
/// or settled; it is resolved unless it ended by moving to another dispute status or to litigation.
/// </summary>
public sealed record DisputeEpisode(long PieceId, long StatusId, DateOnly Start, DateOnly? End, bool Resolved)
{
    public int? ResolutionDays => Resolved && End is { } end ? end.DayNumber - Start.DayNumber : null;

    /// <summary>The episodes known on a date, from the status history of the pieces that were ever disputed.</summary>
    public static async Task<IReadOnlyList<DisputeEpisode>> LoadAsync(DsoDbContext db, Organization organization, DateOnly until, CancellationToken cancellationToken)
    {
        var categories = await db.Statuses.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Category, cancellationToken);
        var disputes = categories.Where(c => c.Value == StatusCategory.Dispute).Select(c => c.Key).ToList();
        var changes = await db.StatusChanges.AsNoTracking()
            .Where(c => db.StatusChanges.Any(d => d.PieceId == c.PieceId && d.StatusId != null && disputes.Contains(d.StatusId.Value)))
            .Select(c => new { c.PieceId, c.At, c.StatusId })
            .ToListAsync(cancellationToken);
        var pieceIds = changes.Select(c => c.PieceId).Distinct().ToList();
        var settled = await db.Pieces.AsNoTracking().Where(p => pieceIds.Contains(p.Id) && p.SettledOn != null && p.SettledOn <= until)
            .ToDictionaryAsync(p => p.Id, p => p.SettledOn!.Value, cancellationToken);

        var episodes = new List<DisputeEpisode>();
        foreach (var piece in changes.GroupBy(c => c.PieceId))
        {
            DisputeEpisode? open = null;
            foreach (var change in piece.OrderBy(c => c.At).Select(c => (Day: organization.DateOf(c.At), c.StatusId)).Where(c => c.Day <= until))
            {
                if (open is not null && settled.TryGetValue(piece.Key, out var paid) && paid <= change.Day)
                {
                    break;
                }

                var category = change.StatusId is { } id ? categories[id] : (StatusCategory?)null;
                if (open is not null && change.StatusId != open.StatusId)
                {
                    episodes.Add(open with { End = change.Day, Resolved = category is not (StatusCategory.Dispute or StatusCategory.Litigation) });
                    open = null;
                }

                if (category == StatusCategory.Dispute && open is null)
                {
                    open = new DisputeEpisode(piece.Key, change.StatusId!.Value, change.Day, null, false);
                }
            }

            if (open is not null)
            {
                episodes.Add(settled.TryGetValue(piece.Key, out var paid) ? open with { End = paid, Resolved = true } : open);
            }
        }

        return episodes;
    }

    /// <summary>The average resolution time of each dispute status, in whole days (half away from zero).</summary>
    public static IReadOnlyDictionary<long, int> AverageResolutionDays(IEnumerable<DisputeEpisode> episodes) =>
        episodes.Where(e => e.Resolved).GroupBy(e => e.StatusId)
            .ToDictionary(g => g.Key, g => (int)Math.Round(g.Average(e => (decimal)e.ResolutionDays!.Value), MidpointRounding.AwayFromZero));
}
