using System.Net;
using System.Net.Http.Headers;
using Dso.Api.GraphQL.Limits;

namespace Dso.Api.Tests.Limits;

/// <summary>Documents whose validation would cost more than they weigh are refused by a first linear pass; callers without a key are refused before their body is read.</summary>
[Collection(ApiServerGroup.Name)]
public class DocumentBoundsTests(ApiServer server)
{
    private static string Selections(string selection, int count) => "{ " + string.Join(' ', Enumerable.Repeat(selection, count)) + " }";

    [Fact]
    public async Task TwentyThousandTypenamesWithoutAKey_AreRefusedBeforeTheirBodyIsRead()
    {
        var answer = await server.PostAsync(Selections("__typename", 20_000));

        Assert.Equal((413, "BAD_REQUEST"), (answer.Status, answer.FirstErrorCode));
        Assert.Contains("65536 bytes", answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Oversized => new()
    {
        { "20 000 __typename", Selections("__typename", 20_000), "more than 15000 tokens" },
        { "{ me { id } } x 20 000", Selections("me { id }", 20_000), "more than 15000 tokens" },
        { "2 000 fields", Selections("__typename", 2_000), "more than 1500 fields" },
        { "300 aliases", "{ " + string.Join(' ', Enumerable.Range(0, 300).Select(a => $"a{a}: __typename")) + " }", "more than 200 aliases" },
        { "fields in fragments", "{ ...F } fragment F on Query { " + string.Join(' ', Enumerable.Repeat("me { id name }", 600)) + " }", "more than 1500 fields" },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task AnOversizedDocumentWithAKey_Is400DocumentTooLarge(string label, string query, string reason)
    {
        var answer = await server.PostAsync(query, key: ApiServer.BootstrapKey);

        Assert.True((400, "DOCUMENT_TOO_LARGE") == (answer.Status, answer.FirstErrorCode), $"{label}: {answer.Status} {answer.Body[..Math.Min(300, answer.Body.Length)]}");
        Assert.Contains(reason, answer.FirstErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SixteenParallel88KBDocuments_AreAllRefused()
    {
        var query = Selections("__typename", 8_000);

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => server.PostAsync(query, key: ApiServer.BootstrapKey)));

        Assert.All(answers, a => Assert.Equal((400, "DOCUMENT_TOO_LARGE"), (a.Status, a.FirstErrorCode)));
    }

    [Fact]
    public async Task ADocumentAtTheBounds_StillRuns()
    {
        var answer = await server.PostAsync("{ me { id } " + string.Join(' ', Enumerable.Range(0, 200).Select(a => $"a{a}: __typename")) + " }", key: ApiServer.BootstrapKey);

        Assert.Equal(200, answer.Status);
        Assert.Equal("Query", answer.Data("a199")!.GetValue<string>());
    }

    [Fact]
    public void TheFirstPass_StopsWhenTheRequestsTimeIsUp()
    {
        using var expired = new CancellationTokenSource();
        expired.Cancel();

        var error = DocumentBounds.Check(Selections("__typename", 1_400), new LimitOptions(), expired.Token);

        Assert.Equal("DOCUMENT_TOO_LARGE", error?.Code);
        Assert.Contains("time limit", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A100MBUploadWithoutAKey_Is401_BeforeItsBodyIsSent()
    {
        var body = new CountingContent(100L * 1024 * 1024);
        using var form = new MultipartFormDataContent { { new StringContent("{}"), "operations" }, { new StringContent("{}"), "map" }, { body, "0", "export.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = form };
        request.Headers.ExpectContinue = true;
        request.Headers.Add("GraphQL-Require-Preflight", "1");

        var answer = await server.SendAsync(request);

        Assert.Equal((401, "UNAUTHENTICATED"), (answer.Status, answer.FirstErrorCode));
        Assert.True(body.Sent < 1024 * 1024, $"{body.Sent} bytes of the upload were sent.");
    }

    /// <summary>A body of zeros that counts what the client got to send.</summary>
    private sealed class CountingContent(long length) : HttpContent
    {
        public long Sent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (; Sent < length; Sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
