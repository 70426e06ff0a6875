using Dso.Domain.Organizations;
using Dso.Domain.Reports;
using Dso.Domain.Statuses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dso.Domain.Tests.Reports;

public class StatusReportTests
{
    [Fact]
    public async Task OnTheWorkedDate_SplitsTheOverdueByCategory_AndQualifies0Point7091()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var report = await Compute(db, null);

        var names = await db.QueryAsync(c => c.Statuses.ToDictionaryAsync(s => s.Id, s => s.Name));
        Assert.Equal(
            [
                (StatusCategory.InProgress, null, 18_000m, 1), (StatusCategory.InProgress, "Relance en cours", 18_000m, 1),
                (StatusCategory.PaymentPromise, null, 30_000m, 1), (StatusCategory.PaymentPromise, "Promesse de règlement", 30_000m, 1),
                (StatusCategory.Dispute, null, 30_000m, 1), (StatusCategory.Dispute, "Litige prix", 30_000m, 1),
            ],
            report.Lines.Select(l => (l.Category, l.StatusId is { } id ? names[id] : null, l.Amount, l.Count)));
        Assert.Equal((110_000m, 78_000m, 0.7091m, 32_000m, 2), (report.OverdueTotal, report.QualifiedOverdue, report.QualificationRate, report.Unqualified, report.UnqualifiedCount));
    }

    [Fact]
    public async Task OnAPastDate_TakesTheOverdueBalancesOfThatDate()
    {
        await using var db = await WorkedDataset.CreateAsync();

        var report = await Compute(db, new DateOnly(2025, 5, 31));

        // Overdue on 05-31: F-0301 (12 000, none), F-0402 (30 000, dispute), F-0403 (18 000 after its part payment).
        Assert.Equal((60_000m, 48_000m, 0.8m, 12_000m), (report.OverdueTotal, report.QualifiedOverdue, report.QualificationRate, report.Unqualified));
    }

    [Fact]
    public async Task WhenQualificationNeedsAComment_AStatusWithoutOneDoesNotQualify()
    {
        await using var db = await WorkedDataset.CreateAsync();
        // Qualified without a comment before the organization started requiring one.
        await WorkedDataset.QualifyAsync(db, "F-0403", "Relance en cours", comment: "");
        await db.RunAsync(sp => sp.GetRequiredService<UpdateOrganizationSettings>().ExecuteAsync(new OrganizationSettingsInput(null, QualificationNeedsComment: true, null, null), default));

        var report = await Compute(db, null);

        Assert.Equal((60_000m, 0.5455m), (report.QualifiedOverdue, report.QualificationRate));
    }

    private static Task<StatusReport> Compute(TestDatabase db, DateOnly? asOf) =>
        db.RunAsync(sp => sp.GetRequiredService<ComputeStatusReport>().ExecuteAsync(asOf, default));
}
