using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Clients;

/// <summary>Creates or updates clients by code; sending the same data twice changes nothing.</summary>
public sealed class UpsertClients(DsoDbContext db, TimeProvider clock)
{
    public const int MaxBatch = 1000;

    public async Task<Outcome<IReadOnlyList<Client>>> ExecuteAsync(IReadOnlyList<ClientInput> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count > MaxBatch)
        {
            return Outcomes.Failure<IReadOnlyList<Client>>(new UserError(["clients"], $"At most {MaxBatch} clients per call.", UserErrorCode.LimitExceeded));
        }

        var organization = await db.Organizations.SingleAsync(cancellationToken);
        var errors = new List<UserError>();
        var values = inputs.Select((input, i) => ClientValidation.Validate(input, new FieldPath("clients", i), organization.MainCurrency, errors)).ToList();
        foreach (var duplicate in inputs.Select((c, i) => (Code: c.Code?.Trim(), i)).Where(x => !string.IsNullOrEmpty(x.Code)).GroupBy(x => x.Code).Where(g => g.Count() > 1))
        {
            errors.Add(new FieldPath("clients", duplicate.Last().i).Invalid("code", $"Client code '{duplicate.Key}' appears more than once in this call."));
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<IReadOnlyList<Client>>(errors);
        }

        var clients = await ClientWriter.ApplyAsync(db, organization.Id, values.Select(v => v!).ToList(), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success<IReadOnlyList<Client>>(clients);
    }
}
