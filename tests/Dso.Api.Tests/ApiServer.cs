using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dso.Api.Hosting;
using Dso.Domain.Events;
using Dso.Domain.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dso.Api.Tests;

/// <summary>The real API on Kestrel, on a loopback port and a temporary SQLite file, with a pinned clock.</summary>
public sealed class ApiServer : IAsyncLifetime
{
    public const string BootstrapKey = "dso_test_bootstrap_0123456789abcdef";

    /// <summary>The identity provider the server trusts: tests sign tokens with its HMAC key.</summary>
    public const string JwtIssuer = "https://idp.test/realms/dso";
    public const string JwtAudience = "dso-api";
    public const string JwtSigningKey = "ZHNvLXRlc3Qtc2lnbmluZy1rZXktb2YtMzItYnl0ZXMtYXQtbGVhc3Q=";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"dso-api-{Guid.NewGuid():N}.db");
    private readonly string[] extra;
    private WebApplication? app;

    public ApiServer()
        : this([])
    {
    }

    /// <summary>A server with settings of its own (a collection of its own: its clock moves apart).</summary>
    internal ApiServer(string[] extra) => this.extra = extra;

    /// <summary>The server's SQLite file.</summary>
    public string DatabasePath => path;

    public static string PluginsPath => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Where the server's SMTP server is: a sink a messaging test starts, or nothing (a connection refused).</summary>
    public static int SmtpPort { get; } = Processes.ApiProcess.FreePort();

    /// <summary>Where the server's SMS gateway is (JSON format): a fake gateway a messaging test starts.</summary>
    public static int SmsPort { get; } = Processes.ApiProcess.FreePort();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero));

    public StatementCounter Statements { get; } = new();

    public HttpClient Http { get; } = new();

    public Uri GraphQLUrl => new(Http.BaseAddress!, "/graphql");

    /// <summary>The running server's services (to invoke a scheduled job at the test clock's time).</summary>
    public IServiceProvider Services => app!.Services;

    public async Task InitializeAsync()
    {
        app = DsoApp.Build(
            ["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Dso", $"Data Source={path}", "--Dso:Auth:BootstrapApiKey", BootstrapKey,
             // The scenario tests invoke the morning job themselves, at the test clock's time.
             "--Dso:Scenarios:MorningRun", "false",
             // The messaging tests turn the outbox themselves, at the test clock's time, to an SMTP sink of their own on this port.
             "--Dso:Messaging:Dispatch", "false", "--Dso:Smtp:Host", "127.0.0.1", "--Dso:Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--Dso:Smtp:Security", "None", "--Dso:Smtp:From", "relances@dso-tests.example",
             "--Dso:Sms:Provider", "Json", "--Dso:Sms:Url", $"http://127.0.0.1:{SmsPort}/sms", "--Dso:Sms:ApiKey", "sms-test-key", "--Dso:Sms:From", "DSO",
             // The test clock stands still, so buckets never refill: a budget no ordinary test exhausts.
             "--Dso:Limits:Budget", "10000000",
             // Tests send refused credentials on purpose; throttling them has its own test (a process of its own).
             "--Dso:Auth:FailureBurst", "1000000",
             // WebSocket tests wait for these: an unacknowledged socket closes after 2 s, credentials are checked every second.
             "--Dso:Api:ConnectionInitTimeout", "00:00:02", "--Dso:Api:CredentialCheckInterval", "00:00:01",
             // The tests' plug-ins (built beside them); a hung one is given up after 3 s, a hoarding one past 128 MiB
             // (the server shares the test process's 1 GiB heap).
             "--Dso:Plugins:Path", PluginsPath, "--Dso:Plugins:CallTimeout", "00:00:03", "--Dso:Plugins:MaxMemoryGrowthBytes", "134217728",
             "--Dso:Auth:Jwt:Issuer", JwtIssuer, "--Dso:Auth:Jwt:Audience", JwtAudience, "--Dso:Auth:Jwt:SigningKeys:0", JwtSigningKey, .. extra],
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(Clock);
                builder.Services.AddSingleton<IInterceptor>(Statements);
                builder.Logging.ClearProviders();
            });
        // Statements of HTTP requests only: open sockets check their credentials and the import worker polls meanwhile.
        var http = app.Services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        Statements.Counts = () => http.HttpContext is { } context && !context.WebSockets.IsWebSocketRequest;
        await app.Services.InitializeAsync();
        await app.StartAsync();
        Http.BaseAddress = new Uri(app.Urls.First());
    }

    /// <summary>A new organization with its admin API key.</summary>
    public async Task<string> CreateOrganizationAsync(string name)
    {
        using var scope = app!.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateOrganization>().ExecuteAsync(new CreateOrganizationRequest(name, TimeZone: "Europe/Paris"), default);
        return created.Value!.ApiKey;
    }

    public async Task<string> CreateKeyAsync(string organizationKey, Domain.Users.Role role)
    {
        var id = (await PostAsync("{ organization { id } }", key: organizationKey)).Data("organization", "id")!.GetValue<string>();
        using var scope = app!.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<Domain.Users.CreateApiKey>()
            .ExecuteAsync(Dso.Api.GraphQL.Common.GlobalId.DecodeAs("Organization", id)!.Value, role, default);
        return created.Value!;
    }

    /// <summary>Waits until as many subscriptions of the key's organization watch the topic (they register once their subscribe message is handled).</summary>
    public async Task WatchersAsync(string key, EventTopic topic, int count)
    {
        var id = (await PostAsync("{ organization { id } }", key: key)).Data("organization", "id")!.GetValue<string>();
        var organization = Dso.Api.GraphQL.Common.GlobalId.DecodeAs("Organization", id)!.Value;
        var feed = Services.GetRequiredService<IChangeFeed>();
        for (var attempt = 0; attempt < 400 && feed.Watchers(organization, topic) != count; attempt++)
        {
            await Task.Delay(25);
        }

        Assert.Equal(count, feed.Watchers(organization, topic));
    }

    /// <summary>Waits until this server's subscribers were handed every event committed so far: a subscription made next hears of nothing older.</summary>
    public async Task FannedOutAsync()
    {
        using var scope = Services.CreateScope();
        var last = await scope.ServiceProvider.GetRequiredService<Dso.Domain.Persistence.DsoDbContext>().Events.IgnoreQueryFilters().MaxAsync(e => (long?)e.Id) ?? 0;
        var fanOut = Services.GetRequiredService<ChangeFanOut>();
        for (var attempt = 0; attempt < 400 && fanOut.Position < last; attempt++)
        {
            await Task.Delay(25);
        }

        Assert.True(fanOut.Position >= last, $"The fan-out is at event {fanOut.Position}, not {last}.");
    }

    /// <summary>POSTs a GraphQL request as JSON and reads the answer.</summary>
    public async Task<GraphQLAnswer> PostAsync(string query, object? variables = null, string? key = null, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, key, accept);
    }

    public async Task<GraphQLAnswer> SendAsync(HttpRequestMessage request, string? key = null, string? accept = "application/graphql-response+json")
    {
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
        }

        return new GraphQLAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, string.Join(", ", response.Content.Headers.Allow), json, body,
            response.Headers.TryGetValues("Retry-After", out var retry) ? retry.First() : null);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>One server for all API tests, which run one after the other (statement counts need a quiet server).</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerGroup : ICollectionFixture<ApiServer>
{
    public const string Name = "api";
}
