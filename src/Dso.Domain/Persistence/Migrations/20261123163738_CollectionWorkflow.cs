using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CollectionWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Pieces_OrganizationId_ClientId_DueDate",
                table: "Pieces");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_ClientId",
                table: "Alerts");

            migrationBuilder.AddColumn<long>(
                name: "Tolerance",
                table: "Scenarios",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ContractualPenaltyRatePercent",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LatePenaltyEnabled",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "LatePenaltyPolicy",
                table: "OrganizationSettings",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Split");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScenariosRunOn",
                table: "Organizations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Paused",
                table: "Clients",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PausedUntil",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AcknowledgedBy",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Automatic",
                table: "Actions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LeaderPieceId",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ScenarioId",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScenarioVersion",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StepIndex",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StepOffset",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TemplateId",
                table: "Actions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Overrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    ActionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Overrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Overrides_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Overrides_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PenaltyClaims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    PieceId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimPieceId = table.Column<long>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Interest = table.Column<long>(type: "INTEGER", nullable: false),
                    Indemnity = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WaivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WaivedBy = table.Column<long>(type: "INTEGER", nullable: true),
                    WaiverReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PenaltyClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PenaltyClaims_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PenaltyClaims_Pieces_ClaimPieceId",
                        column: x => x.ClaimPieceId,
                        principalTable: "Pieces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PenaltyClaims_Pieces_PieceId",
                        column: x => x.PieceId,
                        principalTable: "Pieces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pieces_OrganizationId_ClientId_DueDate_OpenAmount_Type_StatusId",
                table: "Pieces",
                columns: new[] { "OrganizationId", "ClientId", "DueDate", "OpenAmount", "Type", "StatusId" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ClientId_Kind_AcknowledgedAt",
                table: "Alerts",
                columns: new[] { "ClientId", "Kind", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OrganizationId_ClientId_LeaderPieceId_ScenarioId_ScenarioVersion_StepIndex_StepOffset",
                table: "Actions",
                columns: new[] { "OrganizationId", "ClientId", "LeaderPieceId", "ScenarioId", "ScenarioVersion", "StepIndex", "StepOffset" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Overrides_ClientId_At",
                table: "Overrides",
                columns: new[] { "ClientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Overrides_OrganizationId",
                table: "Overrides",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyClaims_ClaimPieceId",
                table: "PenaltyClaims",
                column: "ClaimPieceId");

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyClaims_OrganizationId_ClientId",
                table: "PenaltyClaims",
                columns: new[] { "OrganizationId", "ClientId" });

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyClaims_PieceId",
                table: "PenaltyClaims",
                column: "PieceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Overrides");

            migrationBuilder.DropTable(
                name: "PenaltyClaims");

            migrationBuilder.DropIndex(
                name: "IX_Pieces_OrganizationId_ClientId_DueDate_OpenAmount_Type_StatusId",
                table: "Pieces");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_ClientId_Kind_AcknowledgedAt",
                table: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Actions_OrganizationId_ClientId_LeaderPieceId_ScenarioId_ScenarioVersion_StepIndex_StepOffset",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "Tolerance",
                table: "Scenarios");

            migrationBuilder.DropColumn(
                name: "ContractualPenaltyRatePercent",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "LatePenaltyEnabled",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "LatePenaltyPolicy",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "ScenariosRunOn",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Paused",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "PausedUntil",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "AcknowledgedBy",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Automatic",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "LeaderPieceId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "ScenarioId",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "ScenarioVersion",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "StepIndex",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "StepOffset",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "TemplateId",
                table: "Actions");

            migrationBuilder.CreateIndex(
                name: "IX_Pieces_OrganizationId_ClientId_DueDate",
                table: "Pieces",
                columns: new[] { "OrganizationId", "ClientId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ClientId",
                table: "Alerts",
                column: "ClientId");
        }
    }
}
