using Dso.Domain.Common;

namespace Dso.Domain.Imports;

/// <summary>A mapping saved under a name, to reuse for every export of the same ERP.</summary>
public sealed class SavedImportMapping : ITenantOwned
{
    private SavedImportMapping()
    {
    }

    public SavedImportMapping(long organizationId, string name, string json) => (OrganizationId, Name, Json) = (organizationId, name, json);

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Json { get; private set; } = "";

    public void Replace(string json) => Json = json;
}
