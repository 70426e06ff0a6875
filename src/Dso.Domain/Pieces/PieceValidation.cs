using Dso.Domain.Common;

namespace Dso.Domain.Pieces;

/// <summary>Checks a piece and puts its amounts in the stored sign convention (domain-rules §1).</summary>
public static class PieceValidation
{
    public static PieceValues? Validate(PieceInput input, FieldPath path, long clientId, string clientCurrency, DateOnly today, List<UserError> errors)
    {
        var before = errors.Count;
        var number = input.Number?.Trim() ?? "";
        FormulaText.Check(input.Number, path, "number", errors);
        if (number.Length is 0 or > 64)
        {
            errors.Add(path.Invalid("number", "number must have 1 to 64 characters."));
        }

        if (input.DueDate < input.IssueDate)
        {
            errors.Add(path.Invalid("dueDate", $"dueDate {input.DueDate:yyyy-MM-dd} is before issueDate {input.IssueDate:yyyy-MM-dd}."));
        }

        var currency = input.Currency is null ? clientCurrency : Currency.Normalize(input.Currency);
        if (currency is null)
        {
            errors.Add(path.Invalid("currency", $"'{input.Currency}' is not an ISO 4217 currency code."));
        }

        var amount = input.Type.Normalize(input.Amount);
        if (amount is null)
        {
            errors.Add(path.Invalid("amount", $"A {input.Type} cannot have a negative amount; send a credit note instead."));
        }

        var open = input.Type.Sign() == PieceSign.Credit ? -Math.Abs(input.OpenAmount) : input.OpenAmount;
        if (amount is { } a && (open != 0 && Math.Sign(open) != Math.Sign(a) || Math.Abs(open) > Math.Abs(a)))
        {
            errors.Add(path.Invalid("openAmount", $"openAmount {input.OpenAmount} must have the sign of amount and not exceed it."));
        }

        if (currency is not null && (!Currency.FitsMinorUnits(input.Amount, currency) || !Currency.FitsMinorUnits(input.OpenAmount, currency)))
        {
            errors.Add(path.Invalid("amount", $"Amounts in {currency} have at most {Currency.MinorUnits(currency)} decimals."));
        }

        var balanceDate = input.BalanceDate ?? today;
        if (balanceDate > today)
        {
            errors.Add(path.Invalid("balanceDate", $"balanceDate {balanceDate:yyyy-MM-dd} is in the future."));
        }
        else if (balanceDate < input.IssueDate)
        {
            errors.Add(path.Invalid("balanceDate", $"balanceDate {balanceDate:yyyy-MM-dd} is before issueDate."));
        }

        return errors.Count > before
            ? null
            : new PieceValues(input.Type, number, clientId, input.IssueDate, input.DueDate, amount!.Value, open, currency!, balanceDate, input.PromiseDate);
    }
}
