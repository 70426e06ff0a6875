using System.Net.Mail;
using Dso.Domain.Common;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Users;

/// <summary>The checks of a user when saved: a name, a unique email address, at least one role, and an administrator left.</summary>
internal static class UserValidation
{
    public static async Task<List<UserError>> ValidateAsync(DsoDbContext db, User? user, UserInput input, CancellationToken cancellationToken)
    {
        var errors = new List<UserError>();
        if (input.Name is { } name && name.Trim().Length is 0 or > 200)
        {
            errors.Add(UserError.Invalid("name must have 1 to 200 characters.", "name"));
        }

        if (input.Email is not null)
        {
            var email = NormalizedEmail(input.Email);
            if (email is null)
            {
                errors.Add(UserError.Invalid($"'{input.Email}' is not an email address.", "email"));
            }
            else if (await db.Users.AnyAsync(u => u.Email == email && u.Id != (user == null ? 0 : user.Id), cancellationToken))
            {
                errors.Add(UserError.Conflict($"A user with the email address {email} already exists.", "email"));
            }
        }

        if (input.Subject is { Length: > 0 } subject)
        {
            if (subject.Length > 200)
            {
                errors.Add(UserError.Invalid("subject has at most 200 characters.", "subject"));
            }
            else if (await db.Users.AnyAsync(u => u.Subject == subject && u.Id != (user == null ? 0 : user.Id), cancellationToken))
            {
                errors.Add(UserError.Conflict("Another user has this subject.", "subject"));
            }
        }

        if (input.Roles == Role.None)
        {
            errors.Add(UserError.Invalid("A user has at least one role.", "roles"));
        }

        if (user is { IsAdmin: true } && input.Roles is { } roles && !roles.HasFlag(Role.Admin) && !await AnotherAdminAsync(db, user, cancellationToken))
        {
            errors.Add(UserError.Conflict("The organization's last administrator keeps the ADMIN role.", "roles"));
        }

        return errors;
    }

    /// <summary>Whether an administrator other than this user remains.</summary>
    public static Task<bool> AnotherAdminAsync(DsoDbContext db, User user, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id != user.Id && !u.Archived && (u.Roles & Role.Admin) == Role.Admin, cancellationToken);

    public static string? NormalizedEmail(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant();
        // A sign-in identity: a bare address (no display name) with a domain that has a dot.
        return trimmed is { Length: > 0 } && EmailAddresses.IsValid(trimmed) && new MailAddress(trimmed).Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
            ? trimmed
            : null;
    }
}
