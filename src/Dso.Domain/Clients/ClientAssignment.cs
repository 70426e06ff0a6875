using Dso.Domain.Common;

namespace Dso.Domain.Clients;

/// <summary>A user's assignment to a client: the clients assigned to a user are their portfolio.</summary>
public sealed class ClientAssignment : ITenantOwned
{
    private ClientAssignment()
    {
    }

    public ClientAssignment(long organizationId, long clientId, long userId)
    {
        OrganizationId = organizationId;
        ClientId = clientId;
        UserId = userId;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ClientId { get; private set; }

    public long UserId { get; private set; }
}
