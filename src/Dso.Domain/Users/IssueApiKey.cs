using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>A new key and its secret, shown once: only its hash is stored.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>Issues a new API key for a user of the organization.</summary>
public sealed class IssueApiKey(DsoDbContext db, TimeProvider clock)
{
    public async Task<Outcome<IssuedApiKey>> ExecuteAsync(long userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && !u.Archived, cancellationToken);
        if (user is null)
        {
            return Outcomes.Failure<IssuedApiKey>(UserError.NotFound("No such user.", "userId"));
        }

        var (key, secret) = ApiKey.Issue(user, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(new IssuedApiKey(key, secret));
    }
}
