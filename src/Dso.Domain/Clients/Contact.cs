namespace Dso.Domain.Clients;

/// <summary>A person to reach at a client.</summary>
public sealed class Contact
{
    private Contact()
    {
    }

    internal Contact(ContactValues values) => Values = values;

    public long Id { get; private set; }

    public long ClientId { get; private set; }

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string Language { get; private set; } = "fr";

    /// <summary>Receives the dunning messages.</summary>
    public bool IsCollectionContact { get; private set; }

    public ContactValues Values
    {
        get => new(Name, Email, Phone, Language, IsCollectionContact);
        private init => (Name, Email, Phone, Language, IsCollectionContact) =
            (value.Name, value.Email, value.Phone, value.Language, value.IsCollectionContact);
    }
}
