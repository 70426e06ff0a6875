using Dso.Domain.Common;

namespace Dso.Domain.Imports;

/// <summary>Why one row (or cell) of a file was refused: its line (1 = header), the column header and the reason.</summary>
public sealed class ImportRowError : ITenantOwned
{
    private ImportRowError()
    {
    }

    public ImportRowError(long organizationId, long jobId, int line, string? column, string message)
    {
        (OrganizationId, ImportJobId, Line, Column, Message) = (organizationId, jobId, line, column, message);
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ImportJobId { get; private set; }

    public int Line { get; private set; }

    public string? Column { get; private set; }

    public string Message { get; private set; } = "";
}
