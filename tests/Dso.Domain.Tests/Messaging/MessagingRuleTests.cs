using Dso.Domain.Messaging;
using Dso.Domain.Portal;
using Dso.Domain.Scenarios;

namespace Dso.Domain.Tests.Messaging;

/// <summary>Phone numbers for SMS, the native templates, and when a customer-page link works.</summary>
public class MessagingRuleTests
{
    [Theory]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("06.12.34.56.78", "FR", "+33612345678")]
    [InlineData("+33 (0)6 12 34 56 78", "FR", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "BE", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "FR", "+33612345678")]
    [InlineData("0470 12 34 56", "BE", "+32470123456")]
    [InlineData("06 12 34 56 78", "IT", "+390612345678")]
    [InlineData("06 12 34 56 78", "ZZ", null)]
    [InlineData("12", "FR", null)]
    [InlineData("06 12 AB 56 78", "FR", null)]
    [InlineData("+1 555 0100+2", "US", null)]
    [InlineData("", "FR", null)]
    public void ANumber_IsWrittenInE164_OrRefused(string raw, string country, string? expected) =>
        Assert.Equal(expected, PhoneNumbers.ToE164(raw, country));

    [Fact]
    public async Task TheNativeTemplates_AreValid_InFrenchAndEnglish_AndEveryEmailCarriesThePortalLink()
    {
        await using var db = await TestDatabase.CreateAsync(new DateOnly(2025, 6, 25));

        foreach (var template in StandardTemplates.All)
        {
            // Their names are taken by the organization's own copies: everything else must pass.
            var errors = (await db.QueryAsync(c => TemplateValidation.ValidateAsync(c, null, template, template.Channel!.Value, default))).Where(e => e.Field[^1] != "name");
            Assert.Empty(errors);
            Assert.Equal(["en", "fr"], template.Translations!.Select(t => t.Language!).Order(StringComparer.Ordinal));
            Assert.All(template.Translations!, t => Assert.Equal(template.Channel == Channel.Email, t.Body!.Contains("{{portalUrl}}", StringComparison.Ordinal)));
        }

        Assert.All(StandardTemplates.All.Single(t => t.Name == StandardTemplates.FormalNotice).Translations!, t => Assert.Contains("L441-10", t.Body!, StringComparison.Ordinal));
    }

    [Fact]
    public void ALink_WorksUntilItExpires_OrIsRevoked()
    {
        var now = new DateTimeOffset(2025, 6, 30, 9, 0, 0, TimeSpan.Zero);
        var link = new PortalLink(1, 2, PortalPurpose.Customer, null, [], now, TimeSpan.FromDays(60));
        var revoked = new PortalLink(1, 2, PortalPurpose.Customer, null, [], now, TimeSpan.FromDays(60));
        revoked.Revoke(now.AddDays(1));

        Assert.True(link.WorksAt(now.AddDays(59)));
        Assert.False(link.WorksAt(now.AddDays(60)));
        Assert.False(revoked.WorksAt(now.AddDays(2)));
        Assert.Equal(32, link.Key.Length);
        Assert.NotEqual(link.Key, revoked.Key);
    }
}
