using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Dso.Domain.Events;

namespace Dso.Api.GraphQL.Subscriptions;

/// <summary>
/// The reads that the subscribers of one published change share, by key: the first subscriber to ask starts the
/// read, the others await it. They live as long as the change (the feed hands every subscriber the same instance).
/// </summary>
public sealed class SharedReads
{
    private static readonly ConditionalWeakTable<Change, SharedReads> Reads = [];

    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> tasks = new(StringComparer.Ordinal);

    public static SharedReads Of(Change change) => Reads.GetValue(change, _ => new SharedReads());

    public Task<object?> GetAsync(string key, Func<Task<object?>> read) =>
        tasks.GetOrAdd(key, _ => new Lazy<Task<object?>>(read, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}

/// <summary>
/// A result serialized once for the subscribers who share it, as text and as UTF-8: the transports send it as it is
/// (thousands of sockets write the same bytes, not thousands of encodings of one text).
/// </summary>
public sealed class SerializedResult(string json) : global::GraphQL.ExecutionResult
{
    public string Json { get; } = json;

    public ReadOnlyMemory<byte> Utf8 { get; } = System.Text.Encoding.UTF8.GetBytes(json);

    /// <summary>The JSON of a result: its text when it was serialized already.</summary>
    public static string Text(global::GraphQL.ExecutionResult result, global::GraphQL.IGraphQLTextSerializer serializer) =>
        result is SerializedResult serialized ? serialized.Json : serializer.Serialize(result);

    /// <summary>The JSON of a result as UTF-8: its bytes when it was serialized already.</summary>
    public static ReadOnlyMemory<byte> Bytes(global::GraphQL.ExecutionResult result, global::GraphQL.IGraphQLTextSerializer serializer) =>
        result is SerializedResult serialized ? serialized.Utf8 : System.Text.Encoding.UTF8.GetBytes(serializer.Serialize(result));
}

/// <summary>A number for each parsed document (the document cache hands one instance to every request of the same text).</summary>
public static class DocumentIds
{
    private static readonly ConditionalWeakTable<GraphQLParser.AST.GraphQLDocument, object> Ids = [];
    private static long next;

    public static long Of(GraphQLParser.AST.GraphQLDocument document) => (long)Ids.GetValue(document, _ => Interlocked.Increment(ref next));
}
