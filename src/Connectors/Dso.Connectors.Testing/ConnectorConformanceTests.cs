using Dso.Connectors.Abstractions;
using Xunit;

namespace Dso.Connectors.Testing;

/// <summary>What a connector's fake ERP is asked to play for one conformance test.</summary>
public enum ErpSituation
{
    /// <summary>The ERP holds <see cref="ConnectorConformanceTests.ExpectedPieces"/> open pieces, over several pages.</summary>
    Healthy,

    /// <summary>The credentials of the settings are refused.</summary>
    BadCredentials,

    /// <summary>The first request fails as the ERP fails when busy (a 429 with Retry-After, a 500), then it is healthy.</summary>
    TransientFailureOnce,

    /// <summary>Healthy, but one piece record is malformed (a date or an amount that does not parse).</summary>
    MalformedRecord,

    /// <summary>Healthy, but every page takes seconds to come.</summary>
    SlowPages,
}

/// <summary>
/// The conformance suite every connector's tests inherit: paging, resumption from a cursor, an incremental read, an
/// idempotent re-sync, cancellation honoured within seconds, the error kinds, and a malformed record reported while
/// the read goes on. A test class derives from it, makes its connector, and arranges its fake ERP in each
/// <see cref="ErpSituation"/> it can play (<see cref="CanArrange"/>; a test of a situation it cannot play passes
/// without running).
/// </summary>
public abstract class ConnectorConformanceTests : IAsyncLifetime
{
    /// <summary>How long a read may take to stop once cancelled.</summary>
    public static readonly TimeSpan CancellationDeadline = TimeSpan.FromSeconds(5);

    private readonly List<IAsyncDisposable> resources = [];

    /// <summary>The open pieces of the healthy ERP.</summary>
    protected abstract int ExpectedPieces { get; }

    /// <summary>The open pieces read when one is malformed (by default one fewer).</summary>
    protected virtual int ExpectedPiecesWithMalformedRecord => ExpectedPieces - 1;

    /// <summary>A new instance of the connector under test.</summary>
    protected abstract IConnector CreateConnector();

    /// <summary>Prepares the fake ERP in <paramref name="situation"/> and returns the settings of a connection to it (an object whose properties are the settings).</summary>
    /// <param name="situation">What the ERP must play.</param>
    protected abstract Task<object> ArrangeAsync(ErpSituation situation);

    /// <summary>Whether the fake ERP can play <paramref name="situation"/> (all, by default).</summary>
    /// <param name="situation">The situation.</param>
    protected virtual bool CanArrange(ErpSituation situation) => true;

    /// <inheritdoc/>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Disposes what the test kept (<see cref="Keep{T}"/>), the fake ERPs it started, last first.</summary>
    public virtual async Task DisposeAsync()
    {
        for (var i = resources.Count - 1; i >= 0; i--)
        {
            await resources[i].DisposeAsync();
        }
    }

    /// <summary>Keeps <paramref name="resource"/> (a fake ERP started in <see cref="ArrangeAsync"/>) until the test is over, then disposes it.</summary>
    /// <typeparam name="T">What it is.</typeparam>
    /// <param name="resource">The resource.</param>
    protected T Keep<T>(T resource)
        where T : IAsyncDisposable
    {
        resources.Add(resource);
        return resource;
    }

    /// <summary>The manifest: a kebab-case id, a contract this host loads, settings with distinct names, and its schema.</summary>
    [Fact]
    public void TheManifest_IsComplete()
    {
        var manifest = CreateConnector().Manifest;

        Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", manifest.Id);
        Assert.True(ConnectorContract.IsCompatible(manifest.ContractVersion), $"contract {manifest.ContractVersion}");
        Assert.False(string.IsNullOrWhiteSpace(manifest.Name));
        Assert.Equal(manifest.Settings.Count, manifest.Settings.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("object", manifest.SettingsSchema()["type"]!.GetValue<string>());
    }

    /// <summary>The check passes against a healthy ERP.</summary>
    [Fact]
    public async Task TheCheck_PassesOnAHealthyErp()
    {
        var connector = CreateConnector();
        using var context = new TestConnectorContext(connector.Manifest, await ArrangeAsync(ErpSituation.Healthy));

        var result = await connector.CheckAsync(context, CancellationToken.None);

        Assert.True(result.Ok, result.Message);
    }

    /// <summary>A FULL read pages through every open piece, in more than one batch.</summary>
    [Fact]
    public async Task AFullRead_PagesThroughEveryOpenPiece()
    {
        var read = await ReadAsync(ErpSituation.Healthy, null, SyncMode.Full);

        Assert.True(read.Batches.Count > 1, "the healthy ERP's pieces should span several pages (batches)");
        Assert.Equal(ExpectedPieces, read.Keys.Count);
    }

    /// <summary>A read started from the cursor of its first batch of pieces delivers the rest, without starting over.</summary>
    [Fact]
    public async Task AReadFromACursor_DeliversTheRest()
    {
        var full = await ReadAsync(ErpSituation.Healthy, null, SyncMode.Full);
        var first = full.Batches.Select((b, i) => (Batch: b, Index: i)).First(b => b.Batch.Pieces.Count > 0);
        var rest = await ReadAsync(ErpSituation.Healthy, first.Batch.Cursor, SyncMode.Full);
        var before = full.Batches.Take(first.Index + 1).SelectMany(b => b.Pieces).Select(Key);

        Assert.NotNull(first.Batch.Cursor);
        Assert.True(full.Keys.SetEquals(before.Concat(rest.Keys)), "the batches up to the first with pieces and the read from its cursor must give every piece of the full read");
        Assert.True(rest.Pieces < full.Pieces, "a read from a cursor must not read everything again");
    }

    /// <summary>An INCREMENTAL read from the last cursor of a full read completes (a connector that can read so).</summary>
    [Fact]
    public async Task AnIncrementalRead_FromTheLastCursor_Completes()
    {
        if (!CreateConnector().Manifest.Capabilities.HasFlag(ConnectorCapabilities.Incremental))
        {
            return;
        }

        var full = await ReadAsync(ErpSituation.Healthy, null, SyncMode.Full);
        var changes = await ReadAsync(ErpSituation.Healthy, full.Batches[^1].Cursor, SyncMode.Incremental);

        Assert.True(changes.Pieces <= full.Pieces);
    }

    /// <summary>Reading again what did not change gives the same records.</summary>
    [Fact]
    public async Task AReSync_GivesTheSameRecords()
    {
        var first = await ReadAsync(ErpSituation.Healthy, null, SyncMode.Full);
        var second = await ReadAsync(ErpSituation.Healthy, null, SyncMode.Full);

        Assert.Equal(first.Records.OrderBy(r => r.Number, StringComparer.Ordinal), second.Records.OrderBy(r => r.Number, StringComparer.Ordinal));
    }

    /// <summary>Cancelled after its first batch, a read stops within <see cref="CancellationDeadline"/>.</summary>
    [Fact]
    public async Task ACancelledRead_StopsWithinSeconds()
    {
        var connector = CreateConnector();
        using var context = new TestConnectorContext(connector.Manifest, await ArrangeAsync(CanArrange(ErpSituation.SlowPages) ? ErpSituation.SlowPages : ErpSituation.Healthy));
        using var cancel = new CancellationTokenSource();
        await using var batches = connector.ReadAsync(context, null, SyncMode.Full, cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.True(await batches.MoveNextAsync());

        await cancel.CancelAsync();
        var next = batches.MoveNextAsync().AsTask();
        var ended = await Task.WhenAny(next, Task.Delay(CancellationDeadline));

        Assert.True(ended == next, $"the read went on for more than {CancellationDeadline} once cancelled");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    /// <summary>Refused credentials fail the check, and the read with an <see cref="ConnectorErrorKind.Authentication"/> error.</summary>
    [Fact]
    public async Task RefusedCredentials_AreAnAuthenticationFailure()
    {
        if (!CanArrange(ErpSituation.BadCredentials))
        {
            return;
        }

        var connector = CreateConnector();
        using var context = new TestConnectorContext(connector.Manifest, await ArrangeAsync(ErpSituation.BadCredentials));

        var check = await connector.CheckAsync(context, CancellationToken.None);
        var read = await Assert.ThrowsAsync<ConnectorException>(() => ReadAllAsync(connector, context, null, SyncMode.Full));

        Assert.False(check.Ok);
        Assert.Equal(ConnectorErrorKind.Authentication, read.Kind);
    }

    /// <summary>A busy ERP is a <see cref="ConnectorErrorKind.Transient"/> error (or the connector retried it and read everything).</summary>
    [Fact]
    public async Task ABusyErp_IsATransientFailure()
    {
        if (!CanArrange(ErpSituation.TransientFailureOnce))
        {
            return;
        }

        var connector = CreateConnector();
        using var context = new TestConnectorContext(connector.Manifest, await ArrangeAsync(ErpSituation.TransientFailureOnce));
        try
        {
            var read = await ReadAllAsync(connector, context, null, SyncMode.Full);
            Assert.Equal(ExpectedPieces, read.Keys.Count);
        }
        catch (ConnectorException e)
        {
            Assert.Equal(ConnectorErrorKind.Transient, e.Kind);
        }
    }

    /// <summary>A malformed record is reported among the batch's rejected records, and the read goes on to the end.</summary>
    [Fact]
    public async Task AMalformedRecord_IsReported_AndTheReadGoesOn()
    {
        if (!CanArrange(ErpSituation.MalformedRecord))
        {
            return;
        }

        var read = await ReadAsync(ErpSituation.MalformedRecord, null, SyncMode.Full);

        Assert.NotEmpty(read.Batches.SelectMany(b => b.Rejected));
        Assert.Equal(ExpectedPiecesWithMalformedRecord, read.Keys.Count);
    }

    /// <summary>Reads everything the connector yields from a cursor in a situation.</summary>
    /// <param name="situation">What the ERP plays.</param>
    /// <param name="cursor">Where to start.</param>
    /// <param name="mode">How to read.</param>
    protected async Task<ConnectorRead> ReadAsync(ErpSituation situation, string? cursor, SyncMode mode)
    {
        var connector = CreateConnector();
        using var context = new TestConnectorContext(connector.Manifest, await ArrangeAsync(situation));
        return await ReadAllAsync(connector, context, cursor, mode);
    }

    private static async Task<ConnectorRead> ReadAllAsync(IConnector connector, ConnectorContext context, string? cursor, SyncMode mode)
    {
        var batches = new List<ConnectorBatch>();
        await foreach (var batch in connector.ReadAsync(context, cursor, mode, CancellationToken.None))
        {
            batches.Add(batch);
        }

        return new ConnectorRead(batches);
    }

    private static (PieceKind, string) Key(PieceRecord piece) => (piece.Type, piece.Number);
}

/// <summary>The batches of one read, with what the suite asks of them.</summary>
/// <param name="Batches">The batches in order.</param>
public sealed record ConnectorRead(IReadOnlyList<ConnectorBatch> Batches)
{
    /// <summary>Every piece record of the read.</summary>
    public IReadOnlyList<PieceRecord> Records => [.. Batches.SelectMany(b => b.Pieces)];

    /// <summary>How many piece records the read yielded (repeats included).</summary>
    public int Pieces => Records.Count;

    /// <summary>The distinct pieces of the read.</summary>
    public IReadOnlySet<(PieceKind Type, string Number)> Keys => Records.Select(p => (p.Type, p.Number)).ToHashSet();
}
