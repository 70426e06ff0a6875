using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Portal;

/// <summary>What the customer page shows: the organization, the client and its open pieces (a colleague's link: the pieces it is about).</summary>
public sealed record PortalView(PortalLink Link, string OrganizationName, string ClientName, string ClientCode, string Language, IReadOnlyList<PortalPiece> Pieces, DateOnly Today);

/// <summary>An open piece as the customer page lists it.</summary>
public sealed record PortalPiece(long Id, string Number, PieceType Type, DateOnly IssueDate, DateOnly DueDate, decimal Amount, decimal OpenAmount, string Currency);

/// <summary>Whether a link opens the page: unknown (or forged), gone (expired or revoked), or its view.</summary>
public enum PortalAccess
{
    Unknown,
    Gone,
    Open,
}

/// <summary>
/// Opens the customer page of a link's key, whoever asks (the page needs no login): it enters the link's
/// organization, so that everything it reads is that organization's, and shows only the link's client.
/// </summary>
public sealed class ShowPortal(DsoDbContext db, TimeProvider clock)
{
    public async Task<(PortalAccess Access, PortalView? View)> ExecuteAsync(string key, CancellationToken cancellationToken)
    {
        var link = await db.PortalLinks.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.Key == key, cancellationToken);
        if (link is null)
        {
            return (PortalAccess.Unknown, null);
        }

        if (!link.WorksAt(clock.GetUtcNow()))
        {
            return (PortalAccess.Gone, null);
        }

        db.Tenant.Enter(link.OrganizationId);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == link.ClientId, cancellationToken);
        var contact = client.Contacts.OrderBy(c => c.Id).FirstOrDefault(c => c.IsCollectionContact) ?? client.Contacts.OrderBy(c => c.Id).FirstOrDefault();
        var language = link.Purpose == PortalPurpose.Colleague ? organization.Settings.DefaultLanguage : contact?.Language ?? client.Language;
        var pieces = db.Pieces.AsNoTracking().Where(p => p.ClientId == link.ClientId && p.OpenAmount != 0);
        if (link.Purpose == PortalPurpose.Colleague)
        {
            pieces = pieces.Where(p => link.PieceIds.Contains(p.Id));
        }

        var rows = await pieces.OrderBy(p => p.DueDate).ThenBy(p => p.Number)
            .Select(p => new PortalPiece(p.Id, p.Number, p.Type, p.IssueDate, p.DueDate, p.Amount, p.OpenAmount, p.Currency))
            .ToListAsync(cancellationToken);
        return (PortalAccess.Open, new PortalView(link, organization.Name, client.Name, client.Code, language, rows, organization.Today(clock)));
    }
}
