using Dso.Connectors.Abstractions;
using Dso.Connectors.Testing;

namespace Dso.Api.Tests.Connections;

/// <summary>The kit's conformance suite run against the tests' <c>test-http</c> plug-in and its fake ERP.</summary>
public sealed class HttpRecordsConformanceTests : ConnectorConformanceTests
{
    protected override int ExpectedPieces => 25;

    protected override IConnector CreateConnector() => PluginTypes.Create("test-plugins", "Dso.Connectors.TestPlugins", "Dso.Connectors.TestPlugins.HttpRecordsConnector");

    protected override async Task<object> ArrangeAsync(ErpSituation situation)
    {
        var erp = Keep(await FakeRecordsErp.StartAsync(3, ExpectedPieces));
        switch (situation)
        {
            case ErpSituation.TransientFailureOnce:
                erp.Server.Enqueue("/records", ScriptedAnswer.TooManyRequests(1));
                break;
            case ErpSituation.MalformedRecord:
                erp.Malformed = 7;
                break;
            case ErpSituation.SlowPages:
                erp.Delay = TimeSpan.FromSeconds(3);
                break;
            default:
                break;
        }

        return new { baseUrl = erp.Server.BaseAddress.ToString(), token = situation == ErpSituation.BadCredentials ? "wrong" : FakeRecordsErp.Token, pageSize = 10 };
    }
}
