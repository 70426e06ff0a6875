using Dso.Domain.Common;
using Dso.Domain.Scenarios;

namespace Dso.Domain.Messaging;

/// <summary>A message model for one channel, in one or more languages.</summary>
public sealed class Template : ITenantOwned
{
    private Template()
    {
    }

    public Template(long organizationId, string name, Channel channel)
    {
        OrganizationId = organizationId;
        Name = name;
        Channel = channel;
    }

    public long Id { get; private set; }

    public long OrganizationId { get; private set; }

    public string Name { get; private set; } = "";

    public Channel Channel { get; private set; }

    /// <summary>Retired: no new scenario step can use it; actions already planned with it still render.</summary>
    public bool Archived { get; private set; }

    public List<TemplateTranslation> Translations { get; private set; } = [];

    public void Rename(string name) => Name = name;

    public void ReplaceTranslations(IEnumerable<TemplateTranslationInput> translations)
    {
        Translations.Clear();
        Translations.AddRange(translations.Select(t => new TemplateTranslation(t.Language!, t.Subject, t.Body!)));
    }

    public void Archive() => Archived = true;
}
