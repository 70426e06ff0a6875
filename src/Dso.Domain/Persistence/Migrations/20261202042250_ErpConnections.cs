using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ErpConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ErpConnectionId",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKey",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Xml = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKey", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ErpConnections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PluginId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SettingsJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SealedSecrets = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErpConnections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ErpConnections_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ErpConnectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReadId = table.Column<long>(type: "INTEGER", nullable: true),
                    StartCursor = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Cursor = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Batches = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    PiecesRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    ClientsUpserted = table.Column<int>(type: "INTEGER", nullable: false),
                    PiecesUpserted = table.Column<int>(type: "INTEGER", nullable: false),
                    PiecesClosed = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRuns_ErpConnections_ErpConnectionId",
                        column: x => x.ErpConnectionId,
                        principalTable: "ErpConnections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRunError",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    SyncRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRunError", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRunError_SyncRuns_SyncRunId",
                        column: x => x.SyncRunId,
                        principalTable: "SyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRunSeen",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadId = table.Column<long>(type: "INTEGER", nullable: false),
                    PieceIds = table.Column<byte[]>(type: "BLOB", maxLength: 2147483647, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRunSeen", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRunSeen_SyncRuns_ReadId",
                        column: x => x.ReadId,
                        principalTable: "SyncRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ErpConnectionId",
                table: "Alerts",
                column: "ErpConnectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ErpConnections_NextRunAt",
                table: "ErpConnections",
                column: "NextRunAt");

            migrationBuilder.CreateIndex(
                name: "IX_ErpConnections_OrganizationId_Name",
                table: "ErpConnections",
                columns: new[] { "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncRunError_SyncRunId_Id",
                table: "SyncRunError",
                columns: new[] { "SyncRunId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_ErpConnectionId_Id",
                table: "SyncRuns",
                columns: new[] { "ErpConnectionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_State",
                table: "SyncRuns",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_Unfinished",
                table: "SyncRuns",
                column: "ErpConnectionId",
                unique: true,
                filter: "\"State\" IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "IX_SyncRunSeen_ReadId",
                table: "SyncRunSeen",
                column: "ReadId");

            migrationBuilder.AddForeignKey(
                name: "FK_Alerts_ErpConnections_ErpConnectionId",
                table: "Alerts",
                column: "ErpConnectionId",
                principalTable: "ErpConnections",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Alerts_ErpConnections_ErpConnectionId",
                table: "Alerts");

            migrationBuilder.DropTable(
                name: "DataProtectionKey");

            migrationBuilder.DropTable(
                name: "SyncRunError");

            migrationBuilder.DropTable(
                name: "SyncRunSeen");

            migrationBuilder.DropTable(
                name: "SyncRuns");

            migrationBuilder.DropTable(
                name: "ErpConnections");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_ErpConnectionId",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "ErpConnectionId",
                table: "Alerts");
        }
    }
}
