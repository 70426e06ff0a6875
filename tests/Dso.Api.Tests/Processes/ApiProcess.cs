using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dso.Api.Tests.Processes;

/// <summary>An API server in a child process of its own, on a loopback port and a given SQLite file.</summary>
public sealed class ApiProcess : IDisposable
{
    private ApiProcess(ChildProcess process, Uri url) => (Process, Url) = (process, url);

    public ChildProcess Process { get; }

    public Uri Url { get; }

    public Uri GraphQLUrl => new(Url, "/graphql");

    public HttpClient Http { get; } = new();

    public static async Task<ApiProcess> StartAsync(string database, params string[] settings)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = ChildProcess.Start(["--urls", url.ToString().TrimEnd('/'), "--ConnectionStrings:Dso", $"Data Source={database}",
            "--Dso:Auth:BootstrapApiKey", ApiServer.BootstrapKey, "--Dso:Scenarios:MorningRun", "false", "--Dso:Plugins:Path", ApiServer.PluginsPath, .. settings]);
        var api = new ApiProcess(process, url);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode}:\n{process.Output}");
            }

            try
            {
                using var response = await api.Http.GetAsync(new Uri(url, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        api.Dispose();
        throw new TimeoutException($"The API did not answer on {url}:\n{process.Output}");
    }

    /// <summary>POSTs a GraphQL request with the bootstrap key and returns its data (failing on errors).</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiServer.BootstrapKey);
        using var response = await Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(body["errors"] is null && response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return body["data"]!;
    }

    public void Dispose()
    {
        Http.Dispose();
        Process.Dispose();
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
