using Dso.Domain.Imports;
using Dso.Domain.Pieces;

namespace Dso.Domain.Tests.Imports;

public class ImportMappingParserTests
{
    [Fact]
    public void TheMappingOfDomainRules_IsRead()
    {
        var mapping = ImportMappingParser.Parse(Imports.SageMapping).Value!;

        Assert.Equal((ImportKind.Pieces, ';', ',', "dd/MM/yyyy", 1252), (mapping.Kind, mapping.Delimiter, mapping.DecimalSeparator, mapping.DateFormat, mapping.Encoding.CodePage));
        Assert.Equal("Montant TTC", mapping.Header("amount"));
        Assert.Equal(PieceType.UnappliedPayment, mapping.TypeValues["règlement"]);
    }

    [Fact]
    public void OnlyTheRequiredKeys_GiveSensibleDefaults()
    {
        var mapping = ImportMappingParser.Parse("""{ "columns": { "clientCode": "a", "number": "b", "amount": "c", "openAmount": "d" } }""").Value!;

        Assert.Equal((ImportKind.Pieces, ',', '.', "yyyy-MM-dd", 65001), (mapping.Kind, mapping.Delimiter, mapping.DecimalSeparator, mapping.DateFormat, mapping.Encoding.CodePage));
    }

    [Theory]
    [InlineData("not json", "mapping")]
    [InlineData("""{ "kind": "ORDERS", "columns": { "clientCode": "a", "number": "b", "amount": "c", "openAmount": "d" } }""", "mapping.kind")]
    [InlineData("""{ "columns": { "clientCode": "a", "number": "b", "amount": "c" } }""", "mapping.columns.openAmount")]
    [InlineData("""{ "columns": { "clientCode": "a", "number": "b", "amount": "c", "openAmount": "d", "colour": "e" } }""", "mapping.columns.colour")]
    [InlineData("""{ "encoding": "klingon", "columns": { "clientCode": "a", "number": "b", "amount": "c", "openAmount": "d" } }""", "mapping.encoding")]
    [InlineData("""{ "dateFormat": "banana", "columns": { "clientCode": "a", "number": "b", "amount": "c", "openAmount": "d" } }""", "mapping.dateFormat")]
    [InlineData("""{ "typeValues": { "Facture": "BILL" }, "columns": { "clientCode": "a", "number": "b", "amount": "c", "openAmount": "d" } }""", "mapping.typeValues.Facture")]
    public void ABadMapping_IsRefused_NamingTheKey(string json, string path) =>
        Assert.Equal(path, string.Join('.', ImportMappingParser.Parse(json).Errors[0].Field));
}
