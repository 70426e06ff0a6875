using Microsoft.EntityFrameworkCore;

namespace Dso.Domain.Tests.Persistence;

public class MigrationsTests
{
    [Fact]
    public async Task TheMigrations_MatchTheModel()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.False(await db.QueryAsync(c => Task.FromResult(c.Database.HasPendingModelChanges())),
            "The model changed: run `dotnet run --project src/Dso.Api -- admin migrations add <Name>`.");
    }
}
