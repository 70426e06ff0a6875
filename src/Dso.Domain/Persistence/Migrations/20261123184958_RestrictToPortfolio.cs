using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RestrictToPortfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RestrictToPortfolio",
                table: "OrganizationSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RestrictToPortfolio",
                table: "OrganizationSettings");
        }
    }
}
