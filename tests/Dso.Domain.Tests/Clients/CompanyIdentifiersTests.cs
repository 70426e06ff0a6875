using Dso.Domain.Clients;

namespace Dso.Domain.Tests.Clients;

public class CompanyIdentifiersTests
{
    [Theory]
    [InlineData("732 829 320", "732829320")]
    [InlineData("552100554", "552100554")]
    [InlineData("73282932000074", "73282932000074")]
    [InlineData("HRB 12345", "HRB12345")]
    public void NormalizeLegalId_AcceptsValidSirenSiretAndForeignNumbers(string given, string expected)
    {
        Assert.Equal(expected, CompanyIdentifiers.NormalizeLegalId(given, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("732829321")]
    [InlineData("73282932000075")]
    public void NormalizeLegalId_RefusesAWrongCheckDigit(string given)
    {
        Assert.Null(CompanyIdentifiers.NormalizeLegalId(given, out var problem));
        Assert.Contains("check digit", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FR 44 732 829 320", "FR44732829320", true)]
    [InlineData("FR45732829320", null, false)]
    [InlineData("DE123456789", "DE123456789", true)]
    public void NormalizeVatNumber_ChecksTheKeyOfFrenchNumbers(string given, string? expected, bool valid)
    {
        Assert.Equal(expected, CompanyIdentifiers.NormalizeVatNumber(given, out var problem));
        Assert.Equal(valid, problem is null);
    }
}
