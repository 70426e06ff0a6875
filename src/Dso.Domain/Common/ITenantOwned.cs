namespace Dso.Domain.Common;

/// <summary>An entity that belongs to one organization; queries only ever see the current organization's.</summary>
public interface ITenantOwned : IEntity
{
    long OrganizationId { get; }
}
