using Dso.Domain.Common.Paging;
using Dso.Domain.Persistence;

namespace Dso.Domain.Messaging;

/// <summary>A page of the outbox, newest first, of one state or client if asked.</summary>
public sealed class ListMessages(DsoDbContext db)
{
    private static readonly SortKey<Message>[] Keys = [SortKeys.By<Message, long>("id", m => m.Id, descending: true)];

    public Task<Page<Message>> ExecuteAsync(MessageState? state, long? clientId, PageRequest page, CancellationToken cancellationToken)
    {
        var messages = db.Messages.AsQueryable();
        messages = state is { } s ? messages.Where(m => m.State == s) : messages;
        messages = clientId is { } c ? messages.Where(m => m.ClientId == c) : messages;
        return Keyset.PageAsync(messages, Keys, page, cancellationToken);
    }
}
