namespace Dso.Domain.Messaging;

/// <summary>A template's text in one language.</summary>
public sealed class TemplateTranslation
{
    private TemplateTranslation()
    {
    }

    public TemplateTranslation(string language, string? subject, string body)
    {
        Language = language;
        Subject = subject;
        Body = body;
    }

    public long Id { get; private set; }

    public long TemplateId { get; private set; }

    public string Language { get; private set; } = "fr";

    public string? Subject { get; private set; }

    public string Body { get; private set; } = "";
}
