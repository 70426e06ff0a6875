using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dso.Domain.Messaging;
using Dso.Domain.Scenarios;
using Microsoft.Extensions.Options;

namespace Dso.Api.Messaging;

/// <summary>
/// SMS through an HTTP gateway (<c>Dso:Sms</c>), in one of two formats. <c>Json</c>: a POST of
/// <c>{"from", "to", "text", "reference"}</c> to <c>Url</c>, with <c>Authorization: Bearer ApiKey</c> when a key is
/// set. <c>Twilio</c>: its Messages API, a form-encoded POST of <c>To</c>, <c>From</c> and <c>Body</c> to
/// <c>{Url}/2010-04-01/Accounts/{AccountSid}/Messages.json</c> with basic authentication. A 2xx is sent; 429 and
/// 5xx are worth another attempt, as is a gateway that cannot be reached; any other answer is permanent (the
/// number refused), and the SMS becomes a call for a person.
/// </summary>
public sealed class SmsChannel(IOptions<SmsOptions> options, IHttpClientFactory http) : IMessageChannel
{
    public const string HttpClientName = "sms";

    public Channel Channel => Channel.Sms;

    public Task<IMessageSession> OpenAsync(CancellationToken cancellationToken)
    {
        var sms = options.Value;
        if (sms.Provider == SmsProvider.None || (sms.Provider == SmsProvider.Json && string.IsNullOrWhiteSpace(sms.Url)))
        {
            throw new MessageSendException("No SMS gateway is configured (Dso__Sms__Provider and Dso__Sms__Url): SMS wait in the outbox.", permanent: false);
        }

        return Task.FromResult<IMessageSession>(new Session(sms, http.CreateClient(HttpClientName)));
    }

    private sealed class Session(SmsOptions sms, HttpClient client) : IMessageSession
    {
        public async Task<SentDocument?> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            await Retries.Transient.ExecuteAsync(async token =>
            {
                using var request = Request(message);
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, token);
                }
                catch (HttpRequestException e)
                {
                    throw new MessageSendException($"The SMS gateway could not be reached: {e.Message}", permanent: false, e, undelivered: e.HttpRequestError == HttpRequestError.ConnectionError);
                }
                catch (TaskCanceledException e) when (!token.IsCancellationRequested)
                {
                    throw new MessageSendException("The SMS gateway did not answer in time.", permanent: false, e);
                }

                using (response)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        var body = await response.Content.ReadAsStringAsync(token);
                        var transient = response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
                        throw new MessageSendException($"The SMS gateway answered {(int)response.StatusCode}: {Shorten(body)}", permanent: !transient,
                            undelivered: response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable);
                    }
                }
            }, cancellationToken);
            return null;
        }

        public ValueTask DisposeAsync()
        {
            client.Dispose();
            return ValueTask.CompletedTask;
        }

        private HttpRequestMessage Request(OutgoingMessage message)
        {
            var to = message.To[0];
            if (sms.Provider == SmsProvider.Twilio)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"{(sms.Url ?? SmsOptions.TwilioUrl).TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(sms.AccountSid ?? "")}/Messages.json")
                {
                    Content = new FormUrlEncodedContent([new("To", to), new("From", sms.From ?? ""), new("Body", message.Body)]),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sms.AccountSid}:{sms.AuthToken}")));
                return request;
            }

            var json = new HttpRequestMessage(HttpMethod.Post, sms.Url)
            {
                Content = JsonContent.Create(new { from = sms.From ?? message.SenderName, to, text = message.Body, reference = message.Key }),
            };
            if (sms.ApiKey is { Length: > 0 } key)
            {
                json.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            return json;
        }

        private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
    }
}

/// <summary>The SMS gateway (section <c>Dso:Sms</c>); without a provider, SMS wait in the outbox.</summary>
public sealed class SmsOptions
{
    public const string Section = "Dso:Sms";

    public const string TwilioUrl = "https://api.twilio.com";

    public SmsProvider Provider { get; set; } = SmsProvider.None;

    /// <summary>The gateway's address (Twilio: <c>https://api.twilio.com</c> unless set).</summary>
    public string? Url { get; set; }

    /// <summary>The sender: a phone number in E.164 or an alphanumeric sender ID.</summary>
    public string? From { get; set; }

    /// <summary>Json: the bearer token, if the gateway asks for one.</summary>
    public string? ApiKey { get; set; }

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }
}

public enum SmsProvider
{
    None,
    Json,
    Twilio,
}
