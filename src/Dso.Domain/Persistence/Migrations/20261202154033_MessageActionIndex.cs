using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dso.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MessageActionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ActionId_Channel",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ActionId",
                table: "Messages",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OrganizationId_ActionId_Channel",
                table: "Messages",
                columns: new[] { "OrganizationId", "ActionId", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_ActionId",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_OrganizationId_ActionId_Channel",
                table: "Messages");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ActionId_Channel",
                table: "Messages",
                columns: new[] { "ActionId", "Channel" },
                unique: true);
        }
    }
}
