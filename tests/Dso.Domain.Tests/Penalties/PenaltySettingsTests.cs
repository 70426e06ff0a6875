using Dso.Domain.Clients;
using Dso.Domain.Common;
using Dso.Domain.Organizations;
using Dso.Domain.Penalties;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dso.Domain.Tests.Receivables;

namespace Dso.Domain.Tests.Penalties;

public class PenaltySettingsTests
{
    [Fact]
    public async Task ThePolicySetting_SplitsTheRateByHalfYear_OrKeepsTheDueDates()
    {
        await using var db = await PaidLateAsync();

        var split = await InterestAsync(db);
        await Update(db, new OrganizationSettingsInput(null, null, null, null, LatePenaltyPolicy: HalfYearPolicy.AtDueDate));
        var atDueDate = await InterestAsync(db);

        // domain-rules §6, first worked example.
        Assert.Equal((378.62m, 393.42m), (split, atDueDate));
    }

    [Fact]
    public async Task AContractualRate_ReplacesTheLegalOne_ButNeverBelowThreeTimesTheLegalInterestRate()
    {
        await using var db = await PaidLateAsync();

        var tooLow = await Update(db, new OrganizationSettingsInput(null, null, null, null, ContractualPenaltyRatePercent: 8m));
        var accepted = await Update(db, new OrganizationSettingsInput(null, null, null, null, ContractualPenaltyRatePercent: 10m));
        var interest = await InterestAsync(db);

        // H2 2025: 3 × 2.76 % = 8.28 %. Then 46 days of H1 at max(10, 3 × 3.71 = 11.13) and 45 days of H2 at 10 %.
        Assert.Equal(["contractualPenaltyRatePercent"], tooLow.Errors.Select(e => e.Field[0]));
        Assert.True(accepted.Succeeded);
        Assert.Equal(Rounding.Amount((12_000m * 11.13m / 100 * 46 / 365) + (12_000m * 10m / 100 * 45 / 365)), interest);
    }

    [Fact]
    public async Task DisabledPenalties_ComputeNothing()
    {
        await using var db = await PaidLateAsync();

        await Update(db, new OrganizationSettingsInput(null, null, null, null, LatePenaltyEnabled: false));

        Assert.Empty((await ListAsync(db)).Lines);
    }

    private static async Task<TestDatabase> PaidLateAsync()
    {
        var db = await TestDatabase.CreateAsync(new DateOnly(2025, 8, 20));
        await db.UpsertClientsAsync(new ClientInput("ALPHA", "Alpha SAS"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-04-15", "2025-05-15", 12_000m, balanceDate: "2025-04-15"));
        await db.UpsertPiecesAsync(Invoice("F1", "ALPHA", "2025-04-15", "2025-05-15", 12_000m, open: 0m, balanceDate: "2025-08-14"));
        return db;
    }

    private static Task<Outcome<Organization>> Update(TestDatabase db, OrganizationSettingsInput input) =>
        db.RunAsync(sp => sp.GetRequiredService<UpdateOrganizationSettings>().ExecuteAsync(input, default));

    private static async Task<LatePenalties> ListAsync(TestDatabase db)
    {
        var client = await db.QueryAsync(c => c.Clients.Select(x => x.Id).SingleAsync());
        return (await db.RunAsync(sp => sp.GetRequiredService<ListLatePenalties>().ExecuteAsync(client, null, default)))!;
    }

    private static async Task<decimal> InterestAsync(TestDatabase db) => (await ListAsync(db)).Lines.Single().Line.Interest;
}
