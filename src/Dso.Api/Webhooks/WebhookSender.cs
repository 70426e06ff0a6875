using System.Net;
using System.Net.Sockets;
using System.Text;
using Dso.Api.Jobs;
using Dso.Domain.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Dso.Api.Webhooks;

/// <summary>Wakes the webhook worker when deliveries are queued (it polls anyway).</summary>
public sealed class WebhookSignal : WorkSignal
{
    /// <summary>Wakes it now and a moment later, once the transaction that queued them has committed.</summary>
    public void RaiseAfterCommit()
    {
        Raise();
        _ = Task.Delay(100).ContinueWith(_ => Raise(), TaskScheduler.Default);
    }
}

/// <summary>Seals the webhooks' secrets with Data Protection (keys in the database, as the connections' are).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Dso.Webhooks.Secrets.v1");

    public string Seal(string secret) => protector.Protect(secret);

    public string Open(string sealedSecret) => protector.Unprotect(sealedSecret);
}

/// <summary>
/// Posts a delivery's body with the Standard Webhooks headers, signed at each attempt. The connection goes only to
/// addresses the host resolves to now that are public (unless <see cref="WebhookOptions.AllowPrivateAddresses"/>),
/// redirects are not followed (a 3xx is a failed attempt), and an attempt is bounded by <see cref="WebhookOptions.Timeout"/>.
/// </summary>
public sealed class WebhookSender : IWebhookSender, IDisposable
{
    private readonly HttpClient client;
    private readonly WebhookSecrets secrets;
    private readonly TimeProvider clock;
    private readonly bool allowPrivate;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> resolve;

    public WebhookSender(IOptions<WebhookOptions> options, WebhookSecrets secrets, TimeProvider clock)
        : this(options, secrets, clock, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>With another name resolution (tests: a host that resolves to a private address).</summary>
    internal WebhookSender(IOptions<WebhookOptions> options, WebhookSecrets secrets, TimeProvider clock, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        (this.secrets, this.clock, allowPrivate, this.resolve) = (secrets, clock, options.Value.AllowPrivateAddresses, resolve);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = DeliverWebhooks.Parallelism,
            ConnectCallback = ConnectAsync,
        };
        client = new HttpClient(handler) { Timeout = options.Value.Timeout };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Dso-Webhooks/1.0");
    }

    public async Task<WebhookAttempt> SendAsync(Webhook webhook, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        if (WebhookAddresses.Problem(webhook.Url, allowPrivate) is { } problem)
        {
            return new WebhookAttempt(null, problem);
        }

        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secrets.Open(webhook.SealedSecret), delivery.MessageId, timestamp, delivery.Body));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return new WebhookAttempt(status, status is >= 200 and < 300 ? null : $"The receiver answered HTTP {status}{(status is >= 300 and < 400 ? " (redirects are not followed)" : "")}.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, $"No answer within {client.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttempt(null, (e.InnerException as RefusedAddressException)?.Message ?? e.Message);
        }
    }

    public void Dispose() => client.Dispose();

    // Resolved at each new connection: a host that now resolves to a private address is refused.
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolve(host, cancellationToken);
        var allowed = allowPrivate ? addresses : addresses.Where(WebhookAddresses.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new RefusedAddressException($"{host} resolves to no public address ({string.Join(", ", addresses.Select(a => a.ToString()))}): refused.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class RefusedAddressException(string message) : IOException(message);
}
