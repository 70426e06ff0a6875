using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportsAndPortfolios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BalanceEvents_OrganizationId_Date",
                table: "BalanceEvents");

            migrationBuilder.AddColumn<DateOnly>(
                name: "HistoryStart",
                table: "Pieces",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<long>(
                name: "Change",
                table: "BalanceEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "BalanceEvents",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Receivable",
                table: "BalanceEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ClientAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientAssignments_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientAssignments_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientAssignments_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Backfill the new columns from the pieces and the history already recorded.
            migrationBuilder.Sql("""
                UPDATE "BalanceEvents" SET
                    "Change" = "OpenAmount" - COALESCE((
                        SELECT p."OpenAmount" FROM "BalanceEvents" AS p
                        WHERE p."PieceId" = "BalanceEvents"."PieceId" AND p."Date" < "BalanceEvents"."Date"
                        ORDER BY p."Date" DESC LIMIT 1), 0),
                    "Currency" = (SELECT "Currency" FROM "Pieces" WHERE "Pieces"."Id" = "BalanceEvents"."PieceId"),
                    "Receivable" = (SELECT "Type" IN ('Invoice', 'DebitNote', 'CreditNote', 'Misc', 'BillOfExchange') FROM "Pieces" WHERE "Pieces"."Id" = "BalanceEvents"."PieceId");
                UPDATE "Pieces" SET "HistoryStart" = (SELECT MIN(e."Date") FROM "BalanceEvents" AS e WHERE e."PieceId" = "Pieces"."Id");
                """);

            migrationBuilder.CreateTable(
                name: "ExchangeRates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rate = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeRates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pieces_BeforeHistory_HistoryStart",
                table: "Pieces",
                columns: new[] { "OrganizationId", "HistoryStart" },
                filter: "\"HistoryStart\" > \"IssueDate\"");

            migrationBuilder.CreateIndex(
                name: "IX_Pieces_BeforeHistory_IssueDate",
                table: "Pieces",
                columns: new[] { "OrganizationId", "IssueDate" },
                filter: "\"HistoryStart\" > \"IssueDate\"");

            migrationBuilder.CreateIndex(
                name: "IX_Pieces_OrganizationId_IssueDate_Currency_Type_Amount",
                table: "Pieces",
                columns: new[] { "OrganizationId", "IssueDate", "Currency", "Type", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_BalanceEvents_OrganizationId_Date_Currency_Receivable_Change",
                table: "BalanceEvents",
                columns: new[] { "OrganizationId", "Date", "Currency", "Receivable", "Change" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientAssignments_ClientId_UserId",
                table: "ClientAssignments",
                columns: new[] { "ClientId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClientAssignments_OrganizationId",
                table: "ClientAssignments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientAssignments_UserId_ClientId",
                table: "ClientAssignments",
                columns: new[] { "UserId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeRates_OrganizationId_Currency_Date",
                table: "ExchangeRates",
                columns: new[] { "OrganizationId", "Currency", "Date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientAssignments");

            migrationBuilder.DropTable(
                name: "ExchangeRates");

            migrationBuilder.DropIndex(
                name: "IX_Pieces_BeforeHistory_HistoryStart",
                table: "Pieces");

            migrationBuilder.DropIndex(
                name: "IX_Pieces_BeforeHistory_IssueDate",
                table: "Pieces");

            migrationBuilder.DropIndex(
                name: "IX_Pieces_OrganizationId_IssueDate_Currency_Type_Amount",
                table: "Pieces");

            migrationBuilder.DropIndex(
                name: "IX_BalanceEvents_OrganizationId_Date_Currency_Receivable_Change",
                table: "BalanceEvents");

            migrationBuilder.DropColumn(
                name: "HistoryStart",
                table: "Pieces");

            migrationBuilder.DropColumn(
                name: "Change",
                table: "BalanceEvents");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "BalanceEvents");

            migrationBuilder.DropColumn(
                name: "Receivable",
                table: "BalanceEvents");

            migrationBuilder.CreateIndex(
                name: "IX_BalanceEvents_OrganizationId_Date",
                table: "BalanceEvents",
                columns: new[] { "OrganizationId", "Date" });
        }
    }
}
