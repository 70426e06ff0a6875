namespace Dso.Domain.Common;

/// <summary>An entity with a database key.</summary>
public interface IEntity
{
    long Id { get; }
}
