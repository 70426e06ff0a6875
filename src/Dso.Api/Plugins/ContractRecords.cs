using Dso.Connectors.Abstractions;
using Dso.Domain.Imports;

namespace Dso.Api.Plugins;

/// <summary>
/// Records of the import pipeline as the contract's, for what the host reads on a plug-in's behalf (a table file):
/// the plug-in hands them back in its batches and <see cref="PluginSyncSource"/> turns them into inputs again. A
/// piece's promise date has no place in the contract and is not carried.
/// </summary>
public static class ContractRecords
{
    public static ConnectorBatch From(RecordBatch batch)
    {
        var clients = batch.Rows.Where(r => r.Client is not null).Select(r => r.Client!).GroupBy(c => c.Code, StringComparer.Ordinal).Select(g => g.First())
            .Select(c => new ClientRecord(c.Code, c.Name)
            {
                LegalId = c.LegalId, VatNumber = c.VatNumber, Currency = c.Currency, Language = c.Language,
                Email = c.Contacts?.FirstOrDefault(k => k.Email is not null)?.Email, CreditLimit = c.CreditLimit,
                CreditLimitReviewDate = c.CreditLimitReviewDate,
                Address = c.Address is { Line1: { } line1, PostalCode: { } postalCode, City: { } city } a ? new PostalAddressRecord(line1, a.Line2, postalCode, city, a.Country ?? "FR") : null,
            });
        var pieces = batch.Rows.Where(r => r.Piece is not null).Select(r => r.Piece!)
            .Select(p => new PieceRecord(Enum.Parse<PieceKind>(p.Type.ToString()), p.Number, p.ClientCode, p.IssueDate, p.DueDate, p.Amount, p.OpenAmount, p.Currency ?? "")
            {
                BalanceDate = p.BalanceDate,
            });
        return new ConnectorBatch([.. clients], [.. pieces], batch.Cursor);
    }
}
