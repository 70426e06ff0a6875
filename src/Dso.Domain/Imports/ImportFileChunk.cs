using Dso.Domain.Common;

namespace Dso.Domain.Imports;

/// <summary>
/// A part of an uploaded file, kept in the database so that whichever instance runs the job can read it; the
/// chunks go with the job's final state, in its transaction.
/// </summary>
public sealed class ImportFileChunk : ITenantOwned
{
    // Under the large-object threshold (85 000 bytes): chunks read and written one after another stay cheap garbage.
    public const int Size = 64 * 1024;

    private ImportFileChunk()
    {
    }

    public ImportFileChunk(long organizationId, long importJobId, int index, byte[] data) =>
        (OrganizationId, ImportJobId, Index, Data, Length) = (organizationId, importJobId, index, data, data.Length);

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public long ImportJobId { get; private set; }

    public int Index { get; private set; }

    public int Length { get; private set; }

    public byte[] Data { get; private set; } = [];
}
