using System.Net;
using Dso.Api.Tests.Processes;

namespace Dso.Api.Tests.Messaging;

/// <summary>The customer page's rate limit per address, on a process of its own (the shared test server's limit stays out of the other tests' way).</summary>
public class PortalRateLimitTests
{
    [Fact]
    public async Task PastItsRequestsPerMinute_AnAddressGets429_WhateverTheToken()
    {
        using var folder = new TemporaryDatabase();
        using var api = await ApiProcess.StartAsync(folder.Path, "--Dso:Portal:RequestsPerMinute", "2");

        var answers = new List<HttpStatusCode>();
        foreach (var token in new[] { "forged", "other", "third" })
        {
            using var response = await api.Http.GetAsync(new Uri(api.Url, "/portal/" + token));
            answers.Add(response.StatusCode);
        }

        using var graphql = await api.Http.GetAsync(new Uri(api.Url, "/healthz"));
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
    }
}
