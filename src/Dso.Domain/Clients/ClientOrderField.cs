namespace Dso.Domain.Clients;

/// <summary>The orderings of a client list.</summary>
public enum ClientOrderField
{
    Name,
    Code,
    Outstanding,
    Overdue,
}
