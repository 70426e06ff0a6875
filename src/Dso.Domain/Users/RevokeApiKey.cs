using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>Revokes an API key: the next request made with it is refused (401).</summary>
public sealed class RevokeApiKey(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<ApiKey>> ExecuteAsync(long id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return Outcomes.Failure<ApiKey>(UserError.NotFound("No such API key.", "id"));
        }

        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(key);
    }
}
