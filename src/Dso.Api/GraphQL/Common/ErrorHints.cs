using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQL.Validation;

namespace Dso.Api.GraphQL.Common;

/// <summary>
/// Makes the validation errors a newcomer hits first say what to write instead: an unknown enum value lists the
/// enum's values, and an unknown field suggests the field it most likely means (<see cref="FieldMeanings"/>) in
/// place of the spelling suggestion, when the type has that field.
/// </summary>
public sealed partial class ErrorHints : IConfigureExecution
{
    public float SortOrder => 190;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var result = await next(options);
        if (result.Executed || result.Errors is not { Count: > 0 } errors || (options.Schema ?? options.RequestServices?.GetService<DsoSchema>()) is not { } schema)
        {
            return result;
        }

        var hinted = new ExecutionErrors();
        foreach (var error in errors)
        {
            hinted.Add(error is ValidationError invalid && Hint(invalid.Message, schema) is { } message ? WithMessage(invalid, message) : error);
        }

        result.Errors = hinted;
        return result;
    }

    private static ValidationError WithMessage(ValidationError error, string message)
    {
        var hinted = new ValidationError(message) { Code = error.Code, Number = error.Number, Path = error.Path };
        foreach (var location in error.Locations ?? [])
        {
            hinted.AddLocation(location);
        }

        return hinted;
    }

    /// <summary>The message with its hint, or null when it has none to add.</summary>
    public static string? Hint(string message, ISchema schema)
    {
        if (EnumValue().Match(message) is { Success: true } value && schema.AllTypes[value.Groups["type"].Value] is EnumerationGraphType enumeration)
        {
            return $"{message} {enumeration.Name} is one of: {string.Join(", ", enumeration.Values.Select(v => v.Name))}.";
        }

        if (UnknownField().Match(message) is { Success: true } field && schema.AllTypes[field.Groups["type"].Value] is IComplexGraphType type
            && FieldMeanings.Of(field.Groups["field"].Value).FirstOrDefault(name => type.GetField(name) is not null) is { } meant)
        {
            return $"Cannot query field '{field.Groups["field"].Value}' on type '{type.Name}'. Did you mean '{meant}'?";
        }

        return null;
    }

    [GeneratedRegex("Expected type '(?<type>\\w+)', found (?<value>\\w+)\\.")]
    private static partial Regex EnumValue();

    [GeneratedRegex("^Cannot query field '(?<field>\\w+)' on type '(?<type>\\w+)'\\.")]
    private static partial Regex UnknownField();
}

/// <summary>The names users type for the fields of pieces and clients (from other tools, French exports, plain words), and the field each means.</summary>
public static class FieldMeanings
{
    private static readonly Dictionary<string, string[]> Meanings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["comment"] = ["statusComment"], ["comments"] = ["statusComment"], ["note"] = ["statusComment"], ["notes"] = ["statusComment"], ["remark"] = ["statusComment"],
        ["commentaire"] = ["statusComment"],
        ["balance"] = ["openAmount", "outstanding"], ["remaining"] = ["openAmount", "outstanding"], ["open"] = ["openAmount", "outstanding"],
        ["openBalance"] = ["openAmount", "outstanding"], ["solde"] = ["openAmount", "outstanding"], ["resteDu"] = ["openAmount"], ["outstanding"] = ["openAmount"],
        ["total"] = ["amount"], ["montant"] = ["amount"], ["amountTtc"] = ["amount"], ["value"] = ["amount"],
        ["customer"] = ["client"], ["debtor"] = ["client"], ["account"] = ["client"],
        ["due"] = ["dueDate"], ["dueOn"] = ["dueDate"], ["echeance"] = ["dueDate"], ["maturity"] = ["dueDate"], ["maturityDate"] = ["dueDate"],
        ["date"] = ["issueDate"], ["invoiceDate"] = ["issueDate"], ["documentDate"] = ["issueDate"], ["issuedOn"] = ["issueDate"],
        ["invoiceNumber"] = ["number"], ["reference"] = ["number"], ["ref"] = ["number"], ["documentNumber"] = ["number"], ["numero"] = ["number"],
        ["daysLate"] = ["daysOverdue"], ["lateDays"] = ["daysOverdue"], ["overdueDays"] = ["daysOverdue"], ["age"] = ["daysOverdue"], ["retard"] = ["daysOverdue"],
        ["paidOn"] = ["settledOn"], ["paymentDate"] = ["settledOn"], ["paidAt"] = ["settledOn"], ["closedOn"] = ["settledOn"],
        ["promiseDate"] = ["promise"], ["promised"] = ["promise"],
        ["state"] = ["status"], ["qualification"] = ["status"],
        ["siren"] = ["legalId"], ["siret"] = ["legalId"], ["companyId"] = ["legalId"], ["registrationNumber"] = ["legalId"],
        ["vat"] = ["vatNumber"], ["tva"] = ["vatNumber"], ["vatId"] = ["vatNumber"], ["taxId"] = ["vatNumber"],
        ["nom"] = ["name"], ["companyName"] = ["name"], ["raisonSociale"] = ["name"], ["label"] = ["name"],
        ["clientCode"] = ["code"], ["customerCode"] = ["code"], ["accountNumber"] = ["code"],
        ["invoices"] = ["pieces"], ["documents"] = ["pieces"], ["items"] = ["pieces"],
    };

    /// <summary>The fields a name may mean, most likely first (none when it means nothing known).</summary>
    public static IReadOnlyList<string> Of(string name) => Meanings.TryGetValue(name, out var fields) ? fields : [];
}
