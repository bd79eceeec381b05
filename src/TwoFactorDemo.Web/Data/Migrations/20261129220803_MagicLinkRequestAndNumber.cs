using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwoFactorDemo.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MagicLinkRequestAndNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MatchNumber",
                table: "MagicLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RequestedBy",
                table: "MagicLinks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestedFrom",
                table: "MagicLinks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MatchNumber",
                table: "MagicLinks");

            migrationBuilder.DropColumn(
                name: "RequestedBy",
                table: "MagicLinks");

            migrationBuilder.DropColumn(
                name: "RequestedFrom",
                table: "MagicLinks");
        }
    }
}
