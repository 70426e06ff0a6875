using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PortalLettersAndAlertRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ActionId_Channel",
                table: "Messages");

            migrationBuilder.AddColumn<string>(
                name: "AddressCity",
                table: "Clients",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressCountry",
                table: "Clients",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressLine1",
                table: "Clients",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressLine2",
                table: "Clients",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressPostalCode",
                table: "Clients",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CreditLimitReviewDate",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AlertRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ThresholdAmount = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: true),
                    Days = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageDocuments_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortalLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    PieceIds = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalLinks_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortalAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkId = table.Column<long>(type: "INTEGER", nullable: false),
                    Submission = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalAnswers_PortalLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "PortalLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ActionId",
                table: "Messages",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OrganizationId_ActionId_Channel",
                table: "Messages",
                columns: new[] { "OrganizationId", "ActionId", "Channel" },
                unique: true);

            // Should a client have two open alerts of a kind, the later ones are resolved: one stays open.
            migrationBuilder.Sql("""
                UPDATE "Alerts" SET "ResolvedAt" = "RaisedAt"
                WHERE "AcknowledgedAt" IS NULL AND "ClientId" IS NOT NULL AND "Id" NOT IN (
                    SELECT MIN("Id") FROM "Alerts" WHERE "AcknowledgedAt" IS NULL AND "ClientId" IS NOT NULL GROUP BY "OrganizationId", "Kind", "ClientId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OneOpenPerClient",
                table: "Alerts",
                columns: new[] { "OrganizationId", "Kind", "ClientId" },
                unique: true,
                filter: "\"AcknowledgedAt\" IS NULL AND \"ResolvedAt\" IS NULL AND \"ClientId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AlertRules_OrganizationId_Kind",
                table: "AlertRules",
                columns: new[] { "OrganizationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageDocuments_MessageId",
                table: "MessageDocuments",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalAnswers_LinkId_Submission",
                table: "PortalAnswers",
                columns: new[] { "LinkId", "Submission" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalLinks_ClientId",
                table: "PortalLinks",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalLinks_Key",
                table: "PortalLinks",
                column: "Key",
                unique: true);

            // Every existing organization gets its alert rules, enabled, as a new one does (NOT_DUNNED: 0 and 15 days).
            foreach (var kind in new[] { "BrokenPromise", "NotDunned", "OverCreditLimit", "RiskDegraded", "NewDispute", "SyncFailed", "CreditReviewDue" })
            {
                var (threshold, days) = kind == "NotDunned" ? ("0", "15") : ("NULL", "NULL");
                migrationBuilder.Sql($"INSERT INTO AlertRules (OrganizationId, Kind, Enabled, ThresholdAmount, Days) SELECT Id, '{kind}', 1, {threshold}, {days} FROM Organizations;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertRules");

            migrationBuilder.DropTable(
                name: "MessageDocuments");

            migrationBuilder.DropTable(
                name: "PortalAnswers");

            migrationBuilder.DropTable(
                name: "PortalLinks");

            migrationBuilder.DropIndex(
                name: "IX_Messages_ActionId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_OrganizationId_ActionId_Channel",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_OneOpenPerClient",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "AddressCity",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "AddressCountry",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "AddressLine1",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "AddressLine2",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "AddressPostalCode",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "CreditLimitReviewDate",
                table: "Clients");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "Alerts");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ActionId_Channel",
                table: "Messages",
                columns: new[] { "ActionId", "Channel" },
                unique: true);
        }
    }
}
