using System.Net.Mail;

namespace Dso.Domain.Common;

/// <summary>Email addresses as Dso accepts them.</summary>
public static class EmailAddresses
{
    /// <summary>An address of at most 320 characters that parses as one.</summary>
    public static bool IsValid(string email) => email.Length <= 320 && MailAddress.TryCreate(email, out _);
}
