using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwoFactorDemo.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PendingTotpPerSession : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TotpPendingSecret",
                table: "AspNetUsers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TotpPendingSecret",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);
        }
    }
}
