using System.Globalization;
using Dso.Domain.Common;
using Dso.Domain.ExchangeRates;
using Dso.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Dso.Domain.Reports;

/// <summary>
/// A report as an Excel workbook: the same use cases as the API, one sheet per table. Text cells that a
/// spreadsheet would run as a formula (starting with =, +, - or @) are written with a leading apostrophe.
/// </summary>
public sealed class ExportReport(
    DsoDbContext db,
    ComputeAgedBalance agedBalance,
    ListAgedBalanceRows agedRows,
    ComputeDso dso,
    ComputeStatusReport statusReport,
    ComputeCashForecast cashForecast,
    ComputeDisputesReport disputes,
    ComputeCollectionsReport collections)
{

    /// <summary>Writes the workbook; the user errors of the report's arguments (or a missing exchange rate) come back instead.</summary>
    public async Task<Outcome<string>> ExecuteAsync(ReportRequest request, Stream output, CancellationToken cancellationToken)
    {
        try
        {
            var sheets = await SheetsAsync(request, cancellationToken);
            if (!sheets.Succeeded)
            {
                return Outcomes.Failure<string>(sheets.Errors);
            }

            await output.SaveAsAsync(sheets.Value!.Sheets, cancellationToken: cancellationToken);
            return Outcomes.Success(sheets.Value.FileName);
        }
        catch (MissingExchangeRateException e)
        {
            return Outcomes.Failure<string>(UserError.Invalid(e.Message, "asOf"));
        }
    }

    /// <summary>A cell value safe to open in a spreadsheet.</summary>
    public static object? Cell(object? value) =>
        value is string text ? FormulaText.Neutralize(text) : value;

    private async Task<Outcome<(Dictionary<string, object> Sheets, string FileName)>> SheetsAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var sheets = new Dictionary<string, object>();
        switch (request.Kind)
        {
            case ReportKind.AgedBalance:
                var aged = await agedBalance.ExecuteAsync(request.AsOf, request.BucketBounds, cancellationToken);
                if (!aged.Succeeded)
                {
                    return Outcomes.Failure<(Dictionary<string, object>, string)>(aged.Errors);
                }

                var report = aged.Value!;
                var names = await db.Clients.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), cancellationToken);
                sheets["Aged balance"] = Rows(report.Amounts.Select(b => Row(("Bucket", b.Label), ("From days", b.FromDays), ("To days", b.ToDays), ("Amount", b.Amount), ("Currency", report.Currency), ("Pieces", b.Count)))
                    .Append(Row(("Bucket", "Total"), ("Amount", report.Total), ("Currency", report.Currency)))
                    .Append(Row(("Bucket", "Overdue"), ("Amount", report.Overdue), ("Currency", report.Currency)))
                    .Append(Row(("Bucket", "Late rate"), ("Amount", report.LateRate))));
                sheets["Clients"] = Rows((await agedRows.AllAsync(report, null, descending: true, cancellationToken)).Select(r =>
                    Row([("Client code", names[r.ClientId].Code), ("Client", names[r.ClientId].Name), ("Outstanding", r.Outstanding),
                        ("Unapplied", r.Unapplied), .. r.Buckets.Select(b => (b.Label, (object?)b.Amount))])));
                return Done(sheets, "aged-balance", report.AsOf);
            case ReportKind.Dso:
                var days = await dso.ExecuteAsync(request.Method, request.AsOf, request.Months, cancellationToken);
                if (!days.Succeeded)
                {
                    return Outcomes.Failure<(Dictionary<string, object>, string)>(days.Errors);
                }

                var d = days.Value!;
                sheets["DSO"] = Rows([Row(("Method", d.Method.ToString()), ("As of", d.AsOf), ("Days", d.Days), ("Best possible days", d.BestPossibleDays), ("Average days delinquent", d.AverageDaysDelinquent))]);
                sheets["History"] = Rows(d.History.Select(p => Row(("Month end", p.Month), ("Days", p.Days))));
                return Done(sheets, "dso", d.AsOf);
            case ReportKind.StatusReport:
                var status = await statusReport.ExecuteAsync(request.AsOf, cancellationToken);
                var statusNames = await db.Statuses.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
                sheets["Status report"] = Rows(status.Lines.Select(l => Row(("Category", l.Category.ToString()), ("Status", l.StatusId is { } id ? statusNames[id] : "(all)"), ("Amount", l.Amount), ("Currency", status.Currency), ("Pieces", l.Count)))
                    .Append(Row(("Category", "(none)"), ("Status", "(unqualified)"), ("Amount", status.Unqualified), ("Currency", status.Currency), ("Pieces", status.UnqualifiedCount)))
                    .Append(Row(("Category", "Overdue"), ("Amount", status.OverdueTotal), ("Currency", status.Currency)))
                    .Append(Row(("Category", "Qualification rate"), ("Amount", status.QualificationRate))));
                return Done(sheets, "status-report", status.AsOf);
            case ReportKind.CashForecast:
                var forecast = await cashForecast.ExecuteAsync(request.From ?? request.AsOf, request.Weeks, cancellationToken);
                if (!forecast.Succeeded)
                {
                    return Outcomes.Failure<(Dictionary<string, object>, string)>(forecast.Errors);
                }

                var f = forecast.Value!;
                sheets["Cash forecast"] = Rows(f.Periods.Select(p => Row(("Start", p.Start), ("End", p.End), ("Expected", p.Expected), ("From promises", p.FromPromises), ("From behaviour", p.FromBehaviour), ("Currency", f.Currency)))
                    .Append(Row(("Start", "Unscheduled"), ("Expected", f.Unscheduled), ("Currency", f.Currency))));
                return Done(sheets, "cash-forecast", f.From);
            case ReportKind.Disputes:
                var disputed = await disputes.ExecuteAsync(request.From, request.To ?? request.AsOf, cancellationToken);
                if (!disputed.Succeeded)
                {
                    return Outcomes.Failure<(Dictionary<string, object>, string)>(disputed.Errors);
                }

                var r = disputed.Value!;
                var disputeNames = await db.Statuses.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
                sheets["Disputes"] = Rows(r.Lines.Select(l => Row(("Status", disputeNames[l.StatusId]), ("Open", l.OpenCount), ("Open amount", l.OpenAmount), ("Opened", l.OpenedCount),
                    ("Resolved", l.ResolvedCount), ("Resolved amount", l.ResolvedAmount), ("Average resolution days", l.AverageResolutionDays), ("Currency", r.Currency))));
                return Done(sheets, "disputes", r.To);
            default:
                var collected = await collections.ExecuteAsync(request.From, request.To ?? request.AsOf, request.Granularity, cancellationToken);
                if (!collected.Succeeded)
                {
                    return Outcomes.Failure<(Dictionary<string, object>, string)>(collected.Errors);
                }

                var c = collected.Value!;
                sheets["Collections"] = Rows(c.Periods.Select(p => Row(("Start", p.Start), ("End", p.End), ("Collected", p.Collected), ("Currency", c.Currency))));
                sheets["Effectiveness"] = Rows(c.Effectiveness.Select(p => Row(("Start", p.Start), ("End", p.End), ("Index", p.Index))));
                return Done(sheets, "collections", c.To);
        }
    }

    private static Outcome<(Dictionary<string, object>, string)> Done(Dictionary<string, object> sheets, string name, DateOnly date) =>
        Outcomes.Success((sheets, string.Create(CultureInfo.InvariantCulture, $"{name}-{date:yyyy-MM-dd}.xlsx")));

    private static List<Dictionary<string, object?>> Rows(IEnumerable<Dictionary<string, object?>> rows)
    {
        var list = rows.ToList();
        // MiniExcel takes the columns of the first row: give it every column any row has.
        var columns = list.SelectMany(r => r.Keys).Distinct().ToList();
        return list.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c))).ToList();
    }

    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => Cell(c.Value is DateOnly date ? date.ToDateTime(TimeOnly.MinValue) : c.Value));
}
