namespace Dso.Domain.Users;

/// <summary>What a user may do; a user may hold several roles.</summary>
[Flags]
public enum Role
{
    None = 0,
    Admin = 1,
    Collector = 2,
    SalesRep = 4,
    SalesAdmin = 8,
    Viewer = 16,
}
