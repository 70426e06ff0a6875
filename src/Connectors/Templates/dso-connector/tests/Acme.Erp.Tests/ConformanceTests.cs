using Dso.Connectors.Abstractions;
using Dso.Connectors.Testing;

namespace Acme.Erp.Tests;

/// <summary>
/// The conformance suite of Dso.Connectors.Testing against the connector. Once it reads a real ERP, start a
/// FakeErpServer in ArrangeAsync that answers as the ERP does in each situation (Keep it: the suite disposes it
/// after the test), return settings pointing at it, and say which situations it can play in CanArrange.
/// </summary>
public sealed class ConformanceTests : ConnectorConformanceTests
{
    protected override int ExpectedPieces => 3;

    protected override IConnector CreateConnector() => new SampleConnector();

    protected override Task<object> ArrangeAsync(ErpSituation situation) => Task.FromResult<object>(new { records = 3 });

    // The sample reaches no ERP: it cannot refuse credentials, be busy or send a malformed record.
    protected override bool CanArrange(ErpSituation situation) => situation is ErpSituation.Healthy;
}
