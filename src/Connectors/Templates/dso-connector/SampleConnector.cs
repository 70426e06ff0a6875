using System.Globalization;
using System.Runtime.CompilerServices;
using Dso.Connectors.Abstractions;

namespace Acme.Erp;

/// <summary>
/// A connector that works as it is: a run reads <c>records</c> sample clients, each with one open invoice, one
/// client a batch, so paging and resumption can be seen. Replace the body of <see cref="ReadAsync"/> with the
/// reading of your ERP (an HttpClient from the context, pages, a cursor) and keep the shape.
/// </summary>
public sealed class SampleConnector : IConnector
{
    public const string Id = "acme-erp";

    public ConnectorManifest Manifest { get; } = new(Id, "Acme.Erp", "Acme.Erp", "1.0.0", ConnectorCapabilities.Full | ConnectorCapabilities.Clients,
        [new SettingDefinition("records", SettingType.WholeNumber, Default: "3", Description: "How many sample clients, each with one open invoice, a run reads")]);

    public Task<CheckResult> CheckAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new CheckResult(true, "The sample connector reaches no ERP: it is ready."));

    public async IAsyncEnumerable<ConnectorBatch> ReadAsync(ConnectorContext context, string? cursor, SyncMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var records = context.Settings.GetInt32("records", 3);
        var today = DateOnly.FromDateTime(context.Clock.GetUtcNow().UtcDateTime);
        var prefix = Id.ToUpperInvariant();
        // The cursor is the number of the last record delivered: a resumed read goes on after it.
        var after = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        for (var i = after + 1; i <= records; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            var client = new ClientRecord($"{prefix}-C{i}", $"Sample client {i}");
            var amount = 100m * i;
            var invoice = new PieceRecord(PieceKind.Invoice, $"{prefix}-F{i}", client.Code, today.AddDays(-30), today.AddDays(i - 2), amount, amount, "EUR");
            yield return new ConnectorBatch([client], [invoice], i.ToString(CultureInfo.InvariantCulture));
        }
    }
}
