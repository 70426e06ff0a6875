using Dso.Domain.Common;

namespace Dso.Domain.Audit;

/// <summary>One entity a mutation added, changed or deleted: who, when, which mutation, and the values before and after.</summary>
public sealed class AuditEntry : ITenantOwned
{
    private AuditEntry()
    {
    }

    public AuditEntry(long organizationId, long? userId, DateTimeOffset at, string operation, string entityType, string entityKey, AuditChange change, string values)
    {
        (OrganizationId, UserId, At, Operation, EntityType, EntityKey, Change, Values) = (organizationId, userId, at, operation, entityType, entityKey, change, values);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long? UserId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The mutation, e.g. qualifyPieces.</summary>
    public string Operation { get; private set; } = "";

    /// <summary>The entity's type, e.g. Piece.</summary>
    public string EntityType { get; private set; } = "";

    /// <summary>The entity's key (its id, or its key values joined by commas).</summary>
    public string EntityKey { get; private set; } = "";

    public AuditChange Change { get; private set; }

    /// <summary>JSON: each property written, with its value <c>before</c> and <c>after</c> (only what changed for a modification).</summary>
    public string Values { get; private set; } = "{}";
}

public enum AuditChange
{
    Added,
    Modified,
    Deleted,
}
