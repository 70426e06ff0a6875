using System.Security.Cryptography;
using Dso.Domain.Common;

namespace Dso.Domain.Portal;

/// <summary>Who a customer-page link is for: the client's people, or a colleague asked to help settle a dispute.</summary>
public enum PortalPurpose
{
    Customer,
    Colleague,
}

/// <summary>
/// A link to the customer page, as a message carries it: it names one client of one organization and one purpose,
/// works until <see cref="ExpiresAt"/> unless revoked. The link's token (made by the host) signs its <see cref="Key"/>;
/// the row says whether it still works.
/// </summary>
public sealed class PortalLink : ITenantOwned
{
    private PortalLink()
    {
    }

    public PortalLink(long organizationId, long clientId, PortalPurpose purpose, long? userId, IEnumerable<long> pieceIds, DateTimeOffset now, TimeSpan lifetime)
    {
        (OrganizationId, ClientId, Purpose, UserId, PieceIds, CreatedAt, ExpiresAt) = (organizationId, clientId, purpose, userId, [.. pieceIds], now, now + lifetime);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ClientId { get; private set; }

    public PortalPurpose Purpose { get; private set; }

    /// <summary>The colleague a <see cref="PortalPurpose.Colleague"/> link was sent to.</summary>
    public long? UserId { get; private set; }

    /// <summary>The pieces a colleague is asked about (a customer link shows every open piece).</summary>
    public List<long> PieceIds { get; private set; } = [];

    /// <summary>Random, unguessable: what the link's token signs.</summary>
    public string Key { get; private set; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool WorksAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

/// <summary>One answer given on the customer page; its submission key (one per form shown) makes a double submit record once.</summary>
public sealed class PortalAnswer : ITenantOwned
{
    private PortalAnswer()
    {
    }

    public PortalAnswer(long organizationId, long linkId, string submission, string kind, string summary, DateTimeOffset at)
    {
        (OrganizationId, LinkId, Submission, Kind, Summary, At) = (organizationId, linkId, submission, kind, summary, at);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long LinkId { get; private set; }

    public string Submission { get; private set; } = "";

    public string Kind { get; private set; } = "";

    /// <summary>What the answer recorded, as the collector's task reads it (a repeated submit records nothing more).</summary>
    public string Summary { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}

/// <summary>Turns a link into the address a message carries (the host signs its key and knows its public URL).</summary>
public interface IPortalAddress
{
    string UrlFor(PortalLink link);
}
