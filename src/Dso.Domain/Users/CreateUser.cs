using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>Adds a person to the organization with their roles (they sign in with a key or, later, a token).</summary>
public sealed class CreateUser(DsoDbContext db)
{
    public async Task<Outcome<User>> ExecuteAsync(UserInput input, CancellationToken cancellationToken)
    {
        var errors = await UserValidation.ValidateAsync(db, null, input, cancellationToken);
        foreach (var (value, field) in new (object?, string)[] { (input.Name, "name"), (input.Email, "email"), (input.Roles, "roles") })
        {
            if (value is null)
            {
                errors.Add(UserError.Invalid($"{field} is required.", field));
            }
        }

        if (errors.Count > 0)
        {
            return Outcomes.Failure<User>(errors);
        }

        var organizationId = await db.Organizations.Select(o => o.Id).SingleAsync(cancellationToken);
        var user = new User(organizationId, input.Name!.Trim(), UserValidation.NormalizedEmail(input.Email)!, input.Roles!.Value);
        user.Update(null, null, null, input.Subject?.Trim());
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return Outcomes.Success(user);
    }
}
