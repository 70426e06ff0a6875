using Dso.Domain.Imports;

namespace Dso.Domain.Tests.Imports;

public class CellParserTests
{
    private static readonly CellParser French = new(',', "dd/MM/yyyy");

    [Theory]
    [InlineData("1 234,56", "1234.56")]
    [InlineData("1\u00A0234,56", "1234.56")]
    [InlineData("1\u202F234\u202F567,8", "1234567.8")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("-1 030,70", "-1030.70")]
    [InlineData("0", "0")]
    public void Amount_ReadsFrenchNumbers(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), French.Amount(text));

    [Theory]
    [InlineData("12,3,4")]
    [InlineData("1e5")]
    [InlineData("abc")]
    [InlineData("")]
    public void Amount_RefusesWhatIsNotANumber(string text) => Assert.Null(French.Amount(text));

    [Theory]
    [InlineData("30/06/2025", 2025, 6, 30)]
    [InlineData("2025-06-30", 2025, 6, 30)]
    public void Date_ReadsTheMappingFormat_OrIso(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), French.Date(text));

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", true)]
    [InlineData("+33 1 23", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("-foo", true)]
    [InlineData("-12,50", false)]
    [InlineData("Alpha SAS", false)]
    public void LooksLikeFormula_FlagsCellsASpreadsheetWouldRun(string text, bool formula) => Assert.Equal(formula, CellParser.LooksLikeFormula(text));
}
