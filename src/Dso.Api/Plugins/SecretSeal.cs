using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dso.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Dso.Api.Plugins;

/// <summary>Seals and opens the secret settings of connections with ASP.NET Core Data Protection (its keys in the database: <see cref="DatabaseKeyRepository"/>).</summary>
public sealed class SecretSeal(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Dso.ErpConnections.Secrets.v1");

    public string? Seal(JsonObject secrets) => secrets.Count == 0 ? null : protector.Protect(secrets.ToJsonString());

    public JsonObject Open(string? sealedSecrets) => sealedSecrets is null ? [] : (JsonObject)JsonNode.Parse(protector.Unprotect(sealedSecrets))!;
}

/// <summary>The data protection key ring as rows of the database, so that every instance of the API reads what another sealed.</summary>
public sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DsoDbContext>();
        db.Add(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        // Data protection calls this synchronously; the save is the context's only one here.
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
