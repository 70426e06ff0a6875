using System.ComponentModel.DataAnnotations;

namespace Dso.Domain.Persistence;

/// <summary>Where the data lives (configuration section <c>Dso:Database</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Dso:Database";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>Postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Applies pending migrations when the API starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long start-up waits for a database another process holds busy before giving up.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
