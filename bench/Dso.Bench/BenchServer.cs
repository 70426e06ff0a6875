using Dso.Api.Hosting;

namespace Dso.Bench;

/// <summary>The API on Kestrel over a SQLite file, for a benchmark.</summary>
internal static class BenchServer
{
    /// <summary>
    /// Starts the API with no morning job, and a cost budget no benchmark exhausts: every request is still
    /// costed and charged, never throttled. <paramref name="configure"/> may replace services; <see cref="SlowWork"/>
    /// watches its transactions when asked.
    /// </summary>
    public static async Task<WebApplication> StartAsync(string connectionString, Action<WebApplicationBuilder>? configure = null)
    {
        var app = DsoApp.Build(
            ["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Dso", connectionString, "--Dso:Scenarios:MorningRun", "false", "--Dso:Limits:Budget", "1000000000", "--Logging:LogLevel:Default", "Warning"],
            builder =>
            {
                SlowWork.AddTo(builder);
                configure?.Invoke(builder);
            });
        await app.Services.InitializeAsync();
        await app.StartAsync();
        return app;
    }

    /// <summary>Runs <paramref name="work"/> in a scope of its own, for one organization.</summary>
    public static async Task InScopeAsync(IServiceProvider services, long organization, Func<IServiceProvider, Task> work)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Dso.Domain.Common.Tenant>().Enter(organization);
        await work(scope.ServiceProvider);
    }
}
