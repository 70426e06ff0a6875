using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>Changes a user's name, email address or roles; the last administrator keeps the ADMIN role.</summary>
public sealed class UpdateUser(DsoDbContext db)
{
    public async Task<Outcome<User>> ExecuteAsync(long id, UserInput input, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id && !u.Archived, cancellationToken);
        if (user is null)
        {
            return Outcomes.Failure<User>(UserError.NotFound("No such user.", "id"));
        }

        var errors = await UserValidation.ValidateAsync(db, user, input, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcomes.Failure<User>(errors);
        }

        user.Update(input.Name?.Trim(), UserValidation.NormalizedEmail(input.Email), input.Roles, input.Subject?.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(user);
    }
}
