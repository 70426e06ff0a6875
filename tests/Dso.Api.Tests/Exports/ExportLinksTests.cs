using Dso.Api.Exports;
using Dso.Domain.Reports;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Dso.Api.Tests.Exports;

public class ExportLinksTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ALink_GrantsItsReportUntilItExpires()
    {
        var links = Links();
        var (path, expiresAt) = links.Create(7, 3, new ReportRequest(ReportKind.Dso, Months: 6));

        var fresh = links.Read(path[ExportLinks.PathPrefix.Length..]);
        clock.Advance(TimeSpan.FromMinutes(6));
        var stale = links.Read(path[ExportLinks.PathPrefix.Length..]);

        Assert.Equal(clock.GetUtcNow().AddMinutes(-1), expiresAt);
        Assert.Equal((7L, 3L, ReportKind.Dso, 6), (fresh.Grant!.OrganizationId, fresh.Grant.UserId, fresh.Grant.Request.Kind, fresh.Grant.Request.Months));
        Assert.Equal((null, true), stale);
    }

    [Fact]
    public void AnEditedOrForeignLink_IsRefused()
    {
        var token = Links().Create(7, 3, new ReportRequest(ReportKind.AgedBalance)).Path[ExportLinks.PathPrefix.Length..];
        var payload = token[..token.IndexOf('.', StringComparison.Ordinal)];
        var otherOrganization = Links().Create(8, 3, new ReportRequest(ReportKind.AgedBalance)).Path[ExportLinks.PathPrefix.Length..];
        var forged = otherOrganization[..otherOrganization.IndexOf('.', StringComparison.Ordinal)] + token[payload.Length..];

        Assert.Equal((null, false), Links().Read(forged));
        Assert.Equal((null, false), Links("c2Vjb25kIGtleSBvZiBhdCBsZWFzdCB0aGlydHktdHdvIGJ5dGVz").Read(token));
        Assert.Equal((null, false), Links().Read("not-a-token"));
        Assert.Equal((null, false), Links().Read("%%%." + token[(payload.Length + 1)..]));
    }

    private ExportLinks Links(string key = "Zmlyc3Qga2V5IG9mIGF0IGxlYXN0IHRoaXJ0eS10d28gYnl0ZXMh") =>
        new(Options.Create(new ExportOptions { SigningKey = key }), clock);
}
