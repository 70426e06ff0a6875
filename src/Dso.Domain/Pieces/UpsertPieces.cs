using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Pieces;

/// <summary>
/// Creates or updates pieces by (type, number). A changed open amount is recorded as a balance event on
/// its balance date, so reports can be asked as of a past date. Sending the same data twice changes nothing.
/// </summary>
public sealed class UpsertPieces(DsoDbContext db, TimeProvider clock)
{
    public const int MaxBatch = 5000;
    private const int ChunkSize = 500;

    public async Task<Outcome<IReadOnlyList<Piece>>> ExecuteAsync(IReadOnlyList<PieceInput> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count > MaxBatch)
        {
            return Outcomes.Failure<IReadOnlyList<Piece>>(new UserError(["pieces"], $"At most {MaxBatch} pieces per call.", UserErrorCode.LimitExceeded));
        }

        var organization = await db.Organizations.SingleAsync(cancellationToken);
        var today = organization.Today(clock);
        var clients = await LoadClientsAsync(inputs.Select(i => i.ClientCode?.Trim() ?? "").Distinct().ToList(), cancellationToken);

        var errors = new List<UserError>();
        var values = new List<PieceValues>(inputs.Count);
        var seen = new HashSet<(PieceType, string)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = new FieldPath("pieces", i);
            if (!clients.TryGetValue(inputs[i].ClientCode?.Trim() ?? "", out var client))
            {
                errors.Add(path.NotFound("clientCode", $"No client with code '{inputs[i].ClientCode}'; upsert the client first."));
                continue;
            }

            if (PieceValidation.Validate(inputs[i], path, client.Id, client.Currency, today, errors) is { } value)
            {
                if (!seen.Add((value.Type, value.Number)))
                {
                    errors.Add(path.Invalid("number", $"{value.Type} {value.Number} appears more than once in this call."));
                }

                values.Add(value);
            }
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<IReadOnlyList<Piece>>(errors);
        }

        // Concurrent writers of the same pieces: the later save fails on a stale version and runs again on fresh data.
        var pieces = await db.WriteAsync(
            async () =>
            {
                using var writer = new PieceWriter(db, organization.Id, Piece.ApiSource, clock.GetUtcNow());
                var (written, _) = await writer.ApplyAsync(values, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return written;
            },
            cancellationToken);
        return Outcomes.Success<IReadOnlyList<Piece>>(pieces);
    }

    private async Task<Dictionary<string, (long Id, string Currency)>> LoadClientsAsync(List<string> codes, CancellationToken cancellationToken)
    {
        var clients = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(ChunkSize))
        {
            var rows = await db.Clients.Where(c => EF.Parameter(chunk).Contains(c.Code)).Select(c => new { c.Code, c.Id, c.Currency }).ToListAsync(cancellationToken);
            rows.ForEach(r => clients[r.Code] = (r.Id, r.Currency));
        }

        return clients;
    }
}
