using Dso.Domain.Common;

namespace Dso.Domain.Alerts;

/// <summary>A raised alert, open until acknowledged or its condition clears (resolved); one open alert per rule and client.</summary>
public sealed class Alert : ITenantOwned
{
    private Alert()
    {
    }

    public Alert(long organizationId, AlertKind kind, long? clientId, string message, DateTimeOffset raisedAt)
    {
        (OrganizationId, Kind, ClientId, Message, RaisedAt) = (organizationId, kind, clientId, message, raisedAt);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public AlertKind Kind { get; private set; }

    public long? ClientId { get; private set; }

    /// <summary>The connection a SYNC_FAILED alert is about.</summary>
    public long? ErpConnectionId { get; private set; }

    public string Message { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public long? AcknowledgedBy { get; private set; }

    public bool Acknowledged => AcknowledgedAt is not null;

    /// <summary>When its condition cleared (the rule found it no longer true): it is no longer open.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Its condition cleared.</summary>
    public void Resolve(DateTimeOffset at) => ResolvedAt ??= at;

    public static Alert SyncFailed(long organizationId, long connectionId, string message, DateTimeOffset raisedAt) =>
        new(organizationId, AlertKind.SyncFailed, null, message, raisedAt) { ErpConnectionId = connectionId };

    /// <summary>False when it was acknowledged already.</summary>
    public bool Acknowledge(long userId, DateTimeOffset at)
    {
        if (Acknowledged)
        {
            return false;
        }

        (AcknowledgedAt, AcknowledgedBy) = (at, userId);
        return true;
    }
}
