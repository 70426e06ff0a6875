using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Dso.Api.Tests.Processes;
using Dso.Api.Tests.Transport;

namespace Dso.Api.Tests.Auth;

/// <summary>Guessing keys from one address is throttled by a real server process; the valid keys used from it, and other addresses, are not.</summary>
public class FailedAuthenticationProcessTests
{
    private const string Query = """{"query":"{ me { id } }"}""";

    [Fact]
    public async Task AfterTheBurst_NewCredentialsFromTheAddressGet429_WhileItsKnownKeyAndOtherAddressesAreServed()
    {
        using var database = new TemporaryDatabase();
        using var api = await ApiProcess.StartAsync(database.Path, "--Dso:Auth:FailureBurst", "5", "--Dso:Auth:FailuresPerMinute", "0.01");
        using var other = new HttpClient(new SocketsHttpHandler { ConnectCallback = FromAsync(IPAddress.Parse("127.0.0.2")) });

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(api.Http, api, ApiServer.BootstrapKey)).Status);
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            guesses.Add((await PostAsync(api.Http, api, $"dso_guess_{i}")).Status);
        }

        var throttled = await PostAsync(api.Http, api, "dso_guess_last");
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], guesses);
        Assert.True(throttled.RetryAfter >= 1, $"Retry-After: {throttled.RetryAfter}");
        Assert.Contains("THROTTLED", throttled.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(api.Http, api, ApiServer.BootstrapKey)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(other, api, "dso_guess_elsewhere")).Status);

        await using var socket = await GraphQLSocket.OpenAsync(api.GraphQLUrl);
        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer dso_guess_socket" } });
        Assert.Equal(4403, await socket.ClosedAsync());
        Assert.Contains("Too many failed authentications", socket.CloseReason, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, int? RetryAfter, string Body)> PostAsync(HttpClient http, ApiProcess api, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, api.GraphQLUrl) { Content = new StringContent(Query, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, (int?)response.Headers.RetryAfter?.Delta?.TotalSeconds, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Connections from another loopback address (all of 127.0.0.0/8 is this machine).</summary>
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> FromAsync(IPAddress local) => async (context, cancellationToken) =>
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(local, 0));
        await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
        return new NetworkStream(socket, ownsSocket: true);
    };
}
