using System.Net;
using System.Text.Json;
using Dso.Connectors.Abstractions;

namespace Dso.Connectors.Shared;

/// <summary>
/// HTTP to an ERP as every connector of the repository does it (a source file compiled into each plug-in, so no
/// plug-in depends on another): an ERP that cannot be reached, times out, throttles (429) or fails (5xx) is a
/// <see cref="ConnectorErrorKind.Transient"/> failure carrying its <c>Retry-After</c>; the host retries it from the
/// last batch's cursor. Every other answer is the caller's to read.
/// </summary>
internal static class ErpHttp
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string erp, TimeProvider clock, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ConnectorException(ConnectorErrorKind.Transient, $"{erp} could not be reached: {e.Message}", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorException(ConnectorErrorKind.Transient, $"{erp} did not answer in time.", null, e);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
        {
            using (response)
            {
                var wait = response.Headers.RetryAfter is { } retry ? retry.Delta ?? (retry.Date - clock.GetUtcNow()) : null;
                throw new ConnectorException(
                    ConnectorErrorKind.Transient, $"{erp} answered {(int)response.StatusCode}: {await ErrorAsync(response, cancellationToken)}", wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
            }
        }

        return response;
    }

    /// <summary>The message of an error answer: an OData error's text (v2, v4 and Service Layer shapes), else the start of the body.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            var error = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var given) ? given : default;
            if (error.ValueKind == JsonValueKind.String)
            {
                return error.GetString()!;
            }

            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message))
            {
                var text = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("value", out var value) ? value.GetString() : message.ToString();
                return error.TryGetProperty("code", out var code) ? $"{text} (code {code})" : text ?? "";
            }
        }
        catch (JsonException)
        {
            // An HTML page from the server or a proxy: its first words are all there is to say.
        }

        var start = body.Length > 200 ? body[..200] + "..." : body;
        return start.Length > 0 ? start : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
    }

    /// <summary>The code of an OData error answer (a number in Service Layer v1, a string elsewhere), or null.</summary>
    public static string? ErrorCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var code)
                ? code.ValueKind == JsonValueKind.String ? code.GetString() : code.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
