using System.ComponentModel.DataAnnotations;

namespace Dso.Api.Messaging;

/// <summary>The SMTP server customer e-mails go through (section <c>Dso:Smtp</c>); without a <see cref="Host"/>, e-mails wait in the outbox.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Dso:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Dso:Smtp:Port must be a TCP port.")]
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured: <c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c> (by the port).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sending address; its display name is the organization's sender name.</summary>
    [EmailAddress(ErrorMessage = "Dso:Smtp:From must be an e-mail address.")]
    public string From { get; set; } = "relances@dso.invalid";
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}
