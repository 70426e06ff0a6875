using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RiskScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing organizations get the default weights (stored in ten-thousandths); their clients are scored at the next morning run.
            migrationBuilder.AddColumn<long>(
                name: "RiskWeightAverageDaysLate",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 400000L);

            migrationBuilder.AddColumn<long>(
                name: "RiskWeightBrokenPromises",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 100000L);

            migrationBuilder.AddColumn<long>(
                name: "RiskWeightCreditLimitUse",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 150000L);

            migrationBuilder.AddColumn<long>(
                name: "RiskWeightDisputedShare",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 150000L);

            migrationBuilder.AddColumn<long>(
                name: "RiskWeightOverdueShare",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 200000L);

            migrationBuilder.CreateTable(
                name: "ClientRisks",
                columns: table => new
                {
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Class = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DegradedFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    AverageDaysLate = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueShare = table.Column<long>(type: "INTEGER", nullable: false),
                    DisputedShare = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditLimitUse = table.Column<long>(type: "INTEGER", nullable: true),
                    BrokenPromises = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageDaysLateWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueShareWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    DisputedShareWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditLimitUseWeight = table.Column<long>(type: "INTEGER", nullable: false),
                    BrokenPromisesWeight = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientRisks", x => x.ClientId);
                    table.ForeignKey(
                        name: "FK_ClientRisks_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClientRisks_OrganizationId_Score",
                table: "ClientRisks",
                columns: new[] { "OrganizationId", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientRisks");

            migrationBuilder.DropColumn(
                name: "RiskWeightAverageDaysLate",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "RiskWeightBrokenPromises",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "RiskWeightCreditLimitUse",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "RiskWeightDisputedShare",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "RiskWeightOverdueShare",
                table: "OrganizationSettings");
        }
    }
}
