using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ScenarioEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Actions_ClientId",
                table: "Actions");

            migrationBuilder.AddColumn<long>(
                name: "Tolerance",
                table: "Scenarios",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScenariosRunOn",
                table: "Organizations",
                type: "TEXT",
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

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ClientId_LeaderPieceId_ScenarioId_ScenarioVersion_StepIndex",
                table: "Actions",
                columns: new[] { "ClientId", "LeaderPieceId", "ScenarioId", "ScenarioVersion", "StepIndex" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Actions_ClientId_LeaderPieceId_ScenarioId_ScenarioVersion_StepIndex",
                table: "Actions");

            migrationBuilder.DropColumn(
                name: "Tolerance",
                table: "Scenarios");

            migrationBuilder.DropColumn(
                name: "ScenariosRunOn",
                table: "Organizations");

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
                name: "IX_Actions_ClientId",
                table: "Actions",
                column: "ClientId");
        }
    }
}
