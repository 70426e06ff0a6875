using Dso.Domain.Clients;
using Dso.Domain.Persistence;
using Dso.Domain.Pieces;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Imports;

/// <summary>
/// The write pass of an import, inside the caller's transaction. Clients that change nothing are recognised from an
/// untracked read and skipped, new ones (the bulk of a first import) are inserted with prepared statements, changed
/// ones go through the writer every source shares (whose save writes their events); pieces go through
/// <see cref="PieceWriter"/>, as the API's do.
/// </summary>
internal sealed class ImportWriter(DsoDbContext db, long organizationId, string source, string mainCurrency, DateOnly importDate, DateTimeOffset now) : IDisposable
{
    private readonly BulkInserter<Client> clients = new(db);
    private readonly BulkInserter<Contact> contacts = new(db);
    private readonly PieceWriter pieces = new(db, organizationId, source, now);

    // The clients this writer wrote or found so far, with the values they hold when it was given them (null when it
    // read them without values of its own): a writer lives within one transaction, in which nobody else changes them.
    private readonly Dictionary<string, (long Id, string Currency, ClientValues? Values)> known = new(StringComparer.Ordinal);

    /// <summary>Every piece written or found unchanged, by id (what a FULL read listed).</summary>
    public PieceIdSet SeenPieces { get; } = new();

    /// <summary>The pieces of the last batch written, by id.</summary>
    public List<long> LastSeen { get; } = [];

    public int ClientsWritten { get; private set; }

    public int PiecesWritten { get; private set; }

    public async Task WriteAsync(IReadOnlyList<ImportRow> batch, CancellationToken cancellationToken)
    {
        LastSeen.Clear();
        var clientIds = await WriteClientsAsync(batch, cancellationToken);
        var values = batch.Where(r => r.Piece is not null)
            .Select(r => PieceValidation.Validate(r.Piece!, default, clientIds[r.Piece!.ClientCode].Id, clientIds[r.Piece.ClientCode].Currency, importDate, [])!)
            .ToList();
        var (written, count) = await pieces.ApplyAsync(values, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        PiecesWritten += count;
        foreach (var piece in written)
        {
            SeenPieces.Add(piece.Id);
            LastSeen.Add(piece.Id);
        }

        db.ChangeTracker.Clear();
    }

    public void Dispose()
    {
        clients.Dispose();
        contacts.Dispose();
        pieces.Dispose();
    }

    private async Task<Dictionary<string, (long Id, string Currency)>> WriteClientsAsync(IReadOnlyList<ImportRow> batch, CancellationToken cancellationToken)
    {
        var values = batch.Where(r => r.Client is not null).GroupBy(r => r.Client!.Code, StringComparer.Ordinal)
            .Select(g => ClientValidation.Validate(g.First().Client!, default, mainCurrency, [])!).ToDictionary(v => v.Code, StringComparer.Ordinal);
        var codes = batch.Select(r => r.Client?.Code ?? r.Piece!.ClientCode).Distinct(StringComparer.Ordinal).ToList();
        var ids = new Dictionary<string, (long Id, string Currency)>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var code in codes)
        {
            // A client this import already wrote or found, given the same values again (or none), is not read again.
            if (known.TryGetValue(code, out var held) && (!values.TryGetValue(code, out var value) || held.Values?.SameAs(value) == true))
            {
                ids[code] = (held.Id, held.Currency);
            }
            else
            {
                unknown.Add(code);
            }
        }

        var existing = await LoadAsync(unknown, chunk => db.Clients.AsNoTracking().Include(c => c.Contacts).Where(c => EF.Parameter(chunk).Contains(c.Code)), c => c.Code, cancellationToken);
        foreach (var (code, client) in existing)
        {
            ids[code] = (client.Id, client.Currency);
            known[code] = (client.Id, client.Currency, null);
        }

        var changed = new List<ClientValues>();
        foreach (var value in unknown.Where(values.ContainsKey).Select(code => values[code]))
        {
            if (!existing.TryGetValue(value.Code, out var client))
            {
                client = new Client(organizationId, value.Code, now);
                client.Apply(value, now);
                var id = await clients.InsertAsync(client, cancellationToken);
                foreach (var contact in client.Contacts)
                {
                    await contacts.InsertAsync(contact, cancellationToken, (nameof(Contact.ClientId), id));
                }

                ids[value.Code] = (id, client.Currency);
                ClientsWritten++;
            }
            else if (client.Differs(value))
            {
                changed.Add(value);
                ids[value.Code] = (client.Id, value.Currency);
            }

            known[value.Code] = (ids[value.Code].Id, ids[value.Code].Currency, value);
        }

        if (changed.Count > 0)
        {
            await ClientWriter.ApplyAsync(db, organizationId, changed, now, cancellationToken);
            ClientsWritten += changed.Count;
            await db.SaveChangesAsync(cancellationToken);
        }

        return ids;
    }

    private static async Task<Dictionary<TKey, T>> LoadAsync<T, TKey>(List<string> keys, Func<string[], IQueryable<T>> query, Func<T, TKey> key, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var loaded = new Dictionary<TKey, T>();
        foreach (var chunk in keys.Chunk(RunImport.BatchSize))
        {
            foreach (var item in await query(chunk).ToListAsync(cancellationToken))
            {
                loaded[key(item)] = item;
            }
        }

        return loaded;
    }
}
