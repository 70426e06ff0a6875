using Dso.Domain.Common;

namespace Dso.Domain.Messaging;

/// <summary>The printable document of a message (a letter's PDF), kept apart so that listing messages never reads it.</summary>
public sealed class MessageDocument : ITenantOwned
{
    private MessageDocument()
    {
    }

    public MessageDocument(long organizationId, long messageId, string fileName, byte[] content, DateTimeOffset createdAt)
    {
        (OrganizationId, MessageId, FileName, Content, CreatedAt) = (organizationId, messageId, fileName, content, createdAt);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long MessageId { get; private set; }

    public string FileName { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
}
