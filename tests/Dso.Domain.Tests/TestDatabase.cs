using Dso.Domain;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dso.Domain.Tests;

/// <summary>A migrated SQLite file of its own, the domain's services, a pinned clock and one organization.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"dso-test-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider services;

    private TestDatabase(DateOnly today, Action<IServiceCollection>? configure)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddDsoPersistence("Sqlite", $"Data Source={path};Pooling=False");
        collection.AddLogging();
        collection.AddDsoDomain();
        collection.Configure<DomainOptions>(o => o.MaxImportFileBytes = 64L * 1024 * 1024);
        configure?.Invoke(collection);
        services = collection.BuildServiceProvider();
    }

    /// <summary>Pass as organization to act for none: every tenant-owned set must then be empty.</summary>
    public const long NoOrganization = -1;

    public FakeTimeProvider Clock { get; }

    public long OrganizationId { get; private set; }

    /// <summary>A new database on <paramref name="today"/> (default 2025-06-30) with its organization in <paramref name="timeZone"/>; <paramref name="configure"/> adds or replaces services (a test's own event processor, say).</summary>
    public static async Task<TestDatabase> CreateAsync(DateOnly? today = null, string timeZone = "UTC", Action<IServiceCollection>? configure = null)
    {
        var database = new TestDatabase(today ?? new DateOnly(2025, 6, 30), configure);
        await using (var scope = database.services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DsoDbContext>().Database.MigrateAsync();
        }

        database.OrganizationId = await database.CreateOrganizationAsync("Acme SAS", timeZone);
        return database;
    }

    public async Task<long> CreateOrganizationAsync(string name, string timeZone = "UTC")
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateOrganization>().ExecuteAsync(new CreateOrganizationRequest(name, TimeZone: timeZone), default);
        return created.Value!.Organization.Id;
    }

    /// <summary>Runs a use case in a fresh unit of work acting for an organization (default: the test's).</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work, long? organizationId = null)
    {
        await using var scope = services.CreateAsyncScope();
        if (organizationId != NoOrganization)
        {
            scope.ServiceProvider.GetRequiredService<Tenant>().Enter(organizationId ?? OrganizationId);
        }

        return await work(scope.ServiceProvider);
    }

    public Task<T> QueryAsync<T>(Func<DsoDbContext, Task<T>> query, long? organizationId = null) =>
        RunAsync(sp => query(sp.GetRequiredService<DsoDbContext>()), organizationId);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
