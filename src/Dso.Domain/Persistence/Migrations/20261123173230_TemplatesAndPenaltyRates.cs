using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TemplatesAndPenaltyRates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Archived",
                table: "Templates",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DefaultLanguage",
                table: "OrganizationSettings",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "fr");

            migrationBuilder.CreateTable(
                name: "PenaltyRates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Half = table.Column<int>(type: "INTEGER", nullable: false),
                    PenaltyPercent = table.Column<long>(type: "INTEGER", nullable: false),
                    LegalInterestPercent = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PenaltyRates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PenaltyRates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PenaltyRates_OrganizationId_Year_Half",
                table: "PenaltyRates",
                columns: new[] { "OrganizationId", "Year", "Half" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PenaltyRates");

            migrationBuilder.DropColumn(
                name: "Archived",
                table: "Templates");

            migrationBuilder.DropColumn(
                name: "DefaultLanguage",
                table: "OrganizationSettings");
        }
    }
}
