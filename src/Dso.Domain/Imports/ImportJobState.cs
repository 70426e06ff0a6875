namespace Dso.Domain.Imports;

/// <summary>The life of an import job (the API's SyncRunState, plus QUEUED).</summary>
public enum ImportJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
