using Dso.Api.Hosting;

namespace Dso.Bench;

/// <summary>The API on Kestrel over a SQLite file, for a benchmark.</summary>
internal static class BenchServer
{
    /// <summary>
    /// Starts the API with no morning job, and a cost budget no benchmark exhausts: every request is still
    /// costed and charged, never throttled.
    /// </summary>
    public static async Task<WebApplication> StartAsync(string connectionString, params string[] settings)
    {
        var app = DsoApp.Build(
            ["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Dso", connectionString, "--Dso:Scenarios:MorningRun", "false", "--Dso:Limits:Budget", "1000000000", .. settings],
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.Services.InitializeAsync();
        await app.StartAsync();
        return app;
    }
}
