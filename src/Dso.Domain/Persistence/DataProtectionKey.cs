namespace Dso.Domain.Persistence;

/// <summary>
/// A key of the host's data protection (which seals connection secrets), as its XML: kept in the database so that
/// every instance reads what another sealed. The keys themselves are what must be protected: back the database up
/// as carefully as the secrets it holds.
/// </summary>
public sealed class DataProtectionKey
{
    private DataProtectionKey()
    {
    }

    public DataProtectionKey(string friendlyName, string xml) => (FriendlyName, Xml) = (friendlyName, xml);

    public long Id { get; private set; }

    public string FriendlyName { get; private set; } = "";

    public string Xml { get; private set; } = "";
}
