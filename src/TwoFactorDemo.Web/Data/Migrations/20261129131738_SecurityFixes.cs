using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TwoFactorDemo.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecurityFixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TotpPendingSecret",
                table: "AspNetUsers");

            migrationBuilder.RenameColumn(
                name: "RecentPatternHashesJson",
                table: "TypingProfiles",
                newName: "RecentSamplesJson");

            // The old column held hashes of exact samples; the new one holds feature vectors, so it starts empty.
            migrationBuilder.Sql("UPDATE \"TypingProfiles\" SET \"RecentSamplesJson\" = '[]';");

            migrationBuilder.AddColumn<string>(
                name: "SessionKey",
                table: "MessageSends",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SessionKey",
                table: "MessageSends");

            migrationBuilder.RenameColumn(
                name: "RecentSamplesJson",
                table: "TypingProfiles",
                newName: "RecentPatternHashesJson");

            migrationBuilder.AddColumn<string>(
                name: "TotpPendingSecret",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);
        }
    }
}
