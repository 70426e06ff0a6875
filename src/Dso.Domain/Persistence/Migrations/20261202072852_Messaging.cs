using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReplyTo",
                table: "OrganizationSettings",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SendDays",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 62);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "SendFrom",
                table: "OrganizationSettings",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(8, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "SendTo",
                table: "OrganizationSettings",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(19, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "SenderName",
                table: "OrganizationSettings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ActionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Messages_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ActionId_Channel",
                table: "Messages",
                columns: new[] { "ActionId", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ClientId",
                table: "Messages",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OrganizationId_ClientId_QueuedAt",
                table: "Messages",
                columns: new[] { "OrganizationId", "ClientId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_State_NextAttemptAt",
                table: "Messages",
                columns: new[] { "State", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropColumn(
                name: "ReplyTo",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "SendDays",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "SendFrom",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "SendTo",
                table: "OrganizationSettings");

            migrationBuilder.DropColumn(
                name: "SenderName",
                table: "OrganizationSettings");
        }
    }
}
